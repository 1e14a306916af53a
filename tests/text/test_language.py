"""Which language a version is in: a translation is told apart, not compared word by word."""

from __future__ import annotations

from briefing.text.language import language_of

ENGLISH = (
    "The World Health Organization has certified Egypt as malaria-free, the agency said on "
    "Sunday. It is the third country in the region to be certified, after the United Arab "
    "Emirates and Morocco, and the first since 2010."
)
FRENCH = (
    "L'Organisation mondiale de la santé a certifié que l'Égypte est exempte de paludisme, a "
    "annoncé l'agence dimanche. C'est le troisième pays de la région à être certifié, après "
    "les Émirats arabes unis et le Maroc, et le premier depuis 2010."
)
POLISH = (
    "Światowa Organizacja Zdrowia oficjalnie uznała Egipt za kraj wolny od malarii, zgodnie z "
    "komunikatem prasowym organizacji. Podstawą do tego było potwierdzenie ponad wszelką "
    "wątpliwość, że łańcuch transmisji zakażeń przez komary z rodzaju Anopheles został "
    "stabilnie przerwany w całym kraju co najmniej przez ostatnie trzy lata z rzędu, a także "
    "że kraj jest w stanie skutecznie zapobiec jego wznowieniu. Walka z malarią na poziomie "
    "państwowym trwała prawie 100 lat. Do 2001 roku udało się osiągnąć stabilną kontrolę nad "
    "jej rozprzestrzenianiem się."
)
# Kristeligt Dagblad, 14 September 2023: its "i" and "at" are English-looking words.
DANISH = (
    "Nødhjælpsorganisationen Røde Halvmåne siger torsdag, at mindst 11.300 mennesker er "
    "omkommet i den libyske kystby by Derna, mens tusindvis af andre stadig er meldt savnet. "
    "Hjælpeorganisationens generalsekretær, Marie el-Drese, siger over telefonen til "
    "nyhedsbureauet AP torsdag aften, at 10.100 mennesker er meldt savnet i alene i Derna. "
    "De libyske sundhedsmyndigheder har tidligere oplyst, at mindst 5500 mennesker mistede "
    "livet i byen."
)


def test_a_known_language_is_named() -> None:
    assert language_of(ENGLISH) == "en"
    assert language_of(FRENCH) == "fr"
    assert language_of(DANISH) == "da"


def test_a_long_text_in_no_known_language_is_another_one() -> None:
    assert language_of(POLISH) == "other"


def test_a_short_text_is_not_judged() -> None:
    assert language_of(" ".join(POLISH.split()[:25])) is None
    assert language_of("Egypt certified malaria-free") is None
