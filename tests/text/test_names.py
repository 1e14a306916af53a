"""How alike two names are: near misses are names, not words."""

from __future__ import annotations

from briefing.text.names import anchored, name_similarity, respelt_name, spelt_alike


def test_near_misses_are_names_not_words() -> None:
    assert name_similarity("Thomas Renier", "Thomas Regnier") >= 80
    assert name_similarity("Pyotr Vasilevsky", "Piotr Wasilewski") >= 70
    assert name_similarity("Commissioner", "Commission") == 0  # another word
    assert name_similarity("Thomas Renard", "Thomas Regnier") < 50  # another person


def test_a_place_and_its_adjective_name_one_thing() -> None:
    # "African Cup of Nations" is how many write the "Africa Cup of Nations"; a name cut
    # by a letter is still a near miss.
    assert name_similarity("African Cup", "Africa Cup") == 0
    assert name_similarity("Moroccan Khalid Khannouchi", "Morocco Khalid Khannouchi") == 0
    assert name_similarity("Ghanaian army", "Ghana army") == 0
    assert name_similarity("Burkina Fasson", "Burkina Faso") > 60  # no adjective of Faso
    assert name_similarity("Elena Regnie", "Elena Regnier") >= 70


def test_a_long_word_of_a_name_lengthened_beside_one_printed_right_is_misspelt() -> None:
    assert name_similarity("Bayer Rosmarinus", "Bayer Rosmarin") >= 70
    assert name_similarity("Rosmarinus", "Rosmarin") == 0  # alone: another word
    assert name_similarity("Health Commissioner", "Health Commission") == 0  # too short


def test_a_long_word_cut_by_a_letter_or_glued_to_the_next_is_misspelt() -> None:
    assert name_similarity("Wickremesingh", "Wickremesinghe") >= 70
    assert name_similarity("Elegeyo Marakwetin", "Elgeyo Marakwet") >= 70  # "... in"
    assert name_similarity("Catholic", "Catholics") == 0  # a plural is the same word
    assert name_similarity("Nigeria", "Nigerian") == 0  # a place and its adjective
    assert name_similarity("Kenya", "Kenyan") == 0  # short


def test_a_name_held_by_a_word_printed_right() -> None:
    assert anchored("Tang Zhenjiang", "Tang Renjian")
    assert anchored("Prof Emmet", "Prof Emmott")
    assert not anchored("Emmet", "Emmott")  # one word: nothing holds it
    assert not anchored("Li Shangfu", "Tang Renjian")
    assert not anchored("Professor Emmet", "Professor Angus Emmott")  # words not paired


def test_a_british_or_american_spelling_is_no_misspelling() -> None:
    assert spelt_alike("South-east Asia", "Southeast Asia")  # a hyphen is a house style
    assert spelt_alike("Neighboring Tanzania", "Neighbouring Tanzania")
    assert spelt_alike("Africa Development Center", "Africa Development Centre")
    assert not respelt_name("Africa Development Center", "Africa Development Centre")
    assert respelt_name("Africa Developmant Centre", "Africa Development Centre")


def test_a_figure_glued_to_a_name_is_no_part_of_it() -> None:
    # "Kelvi Kiptum24 years old": the name is "Kelvi Kiptum", a misspelling.
    assert respelt_name("Kelvi Kiptum24", "Kelvin Kiptum")
    assert not respelt_name("G7 summit", "G8 summit")  # a figure that is the name


def test_a_long_names_words_in_another_order_are_the_name_misordered() -> None:
    assert respelt_name("Clarion-Clipperton Pacific Zone", "Pacific Clarion-Clipperton Zone")
    assert not respelt_name("Renjian Tang", "Tang Renjian")  # two words: an order of names


def test_a_long_name_without_its_joining_word_is_the_name_garbled() -> None:
    assert respelt_name("Reserve Bank Zimbabwe", "Reserve Bank of Zimbabwe")
    assert not respelt_name("Bank of Zimbabwe", "Bank Zimbabwe Gold")  # another name
    assert not respelt_name("Zimbabwe of", "Zimbabwe")  # not between two of its words
