"""Page furniture told from story by the shape and the words of a line."""

from __future__ import annotations

from briefing.text.furniture import find_furniture

CAPTION = "A doctor listens with a stethoscope to the chest of a patientGetty Images"
# A store that runs a page's paragraphs into one line glues the photo credit to the
# story's first word (a real copy of a BBC report did).
GLUED = (
    "Getty ImagesThe first study to assess how the drugs affect the whole body has found "
    "an impact, researchers say.The analysis, involving about two million people, linked "
    "the drugs to better heart health.The researchers also warned the drugs were risky."
)


def _kinds(text: str) -> dict[str, str]:
    return {a.text: a.kind for a in find_furniture({"copy": text})["copy"]}


def assert_set_apart(headline: str, story: str, lines: list[str]) -> None:
    """The lines under a headline and a story line are furniture, and the story is not."""
    kinds = _kinds("\n".join([headline, story, *lines]) + "\n")
    assert story not in kinds and all(line in kinds for line in lines), kinds


def test_a_photo_credit_is_a_caption() -> None:
    assert (
        _kinds(f"Weight-loss drugs may boost health\n{CAPTION}\nThe drugs help, it said.\n")[
            CAPTION
        ]
        == "caption"
    )


def test_story_sentences_with_a_credit_glued_to_them_are_story() -> None:
    kinds = _kinds(f"Weight-loss drugs may boost health\n{GLUED}\n")
    assert GLUED not in kinds
    assert kinds == {"Weight-loss drugs may boost health": "headline"}


def test_an_agency_caption_is_a_caption_though_it_reads_as_a_sentence() -> None:
    caption = (
        "A Boeing 737 MAX airliner is photographed Thursday, Sept. 12, 2024, at the "
        "company's facility in Renton, Washington."
    )
    story = "Boeing said on Friday it will lay off about 10% of its workforce."
    kinds = _kinds(f"Boeing to cut 17,000 jobs\n{caption}\n{story}\n")
    assert kinds[caption] == "caption" and story not in kinds


def test_a_story_sentence_in_the_past_tense_is_story() -> None:
    story = "He was photographed on Sept. 12, 2024, leaving the court in Renton."
    assert story not in _kinds(f"Boeing to cut 17,000 jobs\n{story}\nHe said no more.\n")


def test_a_breaking_news_notice_is_a_prompt() -> None:
    notice = "This is breaking news. Please refresh for updates."
    kinds = _kinds(f"Boeing to cut 17,000 jobs\nBoeing will cut jobs, it said.\n{notice}\n")
    assert kinds[notice] == "prompt"


def test_notices_credits_and_disclosures_are_furniture() -> None:
    story = "Shoprite said on Monday it would sell its Nigerian stores to local investors."
    lines = [
        "Details later…",
        "(PUNCH)",
        "Sourced from Africa Feeds",
        "Follow BBC London on Facebook, Twitter and Instagram. Send your story ideas to us.",
        "When you purchase through links on our site, we may earn an affiliate commission.",
    ]
    assert_set_apart("Shoprite to exit Nigeria", story, lines)


def test_the_line_above_the_byline_is_the_headline_though_it_ends_with_a_stop() -> None:
    headline = "Ex-Gov. Tang Renjian, to die for bribery."
    story = "A court in Jilin sentenced the former minister to death with a reprieve."
    kinds = _kinds(f"{headline}\nBy agency reports\n{story}\n")
    assert kinds[headline] == "headline" and story not in kinds


def test_a_pointer_to_the_video_is_a_prompt() -> None:
    pointer = "Check out the full video of the pilot's interview below:"
    story = "The pilot said the order came from the highest authority, he told reporters."
    kinds = _kinds(f"Pilot speaks\n{story}\n{pointer}\nHe said more.\n")
    assert kinds[pointer] == "prompt"


def test_a_place_and_a_colon_at_the_storys_head_are_its_dateline_further_down_a_label() -> None:
    story = "Kozhikode: The 14-year-old boy died of a cardiac arrest, the minister said."
    more = "He had been on ventilator support since Friday, doctors said."
    note = "Minister: We have traced everyone he met, and all of them are in isolation."
    assert _kinds(f"Boy dies of Nipah\n{story}\n{more}\n").get("Kozhikode:") == "dateline"
    story_lines = "\n".join(f"{more} It was day {n}." for n in range(4))
    kinds = _kinds(f"Boy dies of Nipah\n{story_lines}\n{note}\n")
    assert "Minister:" not in kinds and note not in kinds


def test_one_place_heading_a_teaser_and_its_story_is_a_dateline_two_names_an_exchange() -> None:
    story = "Johannesburg: Electoral officials said on Thursday that they had excluded Zuma."
    teaser = "Johannesburg: Electoral officials said on Thursday that they had excl..."
    more = "The country is to hold general elections on May 29."
    assert _kinds(f"Zuma barred\n{teaser}\n{story}\n{more}\n").get("Johannesburg:") == "dateline"
    exchange = "Jones: I did not sign it.\nSmith: You did, on Monday.\n"
    assert "Jones:" not in _kinds(f"Court hears\n{exchange}{more}\n")


def test_the_sites_prompts_and_captions_with_a_credit_are_furniture() -> None:
    lines = [
        "Don't miss out on the headlines from World. Followed categories will be added to My News.",
        "Chrysogorgia abludo, a type of coral, is one of seven confirmed new species found "
        "during the expedition. (Image credit: DeepCCZ expedition, NOAA)",
        "Get the first look at the digital newspaper, curated daily stories and breaking "
        "headlines delivered to your inbox.",
        "(Get the news that matters from New Indian Express on WhatsApp. Click this link and "
        "hit 'Click to Subscribe'. Follow the instructions after that.)",
        "Follow us on our official WhatsApp channel for breaking news alerts and key updates!",
        "Stay informed with The Namibian – your source for credible journalism. Get in-depth "
        "reporting and opinions for only N$85 a month.",
    ]
    story = "Oscar Pistorius has been released from prison, the authorities said on Friday."
    assert_set_apart("Pistorius released", story, lines)


def test_a_sources_credit_alone_on_the_last_line_is_a_byline() -> None:
    story = "Edgar Lungu has died at the age of 68, his party has said in a statement."
    more = "He had been receiving specialized treatment in South Africa, the party added."
    kinds = _kinds(f"Lungu dies\n{story}\n{more}\nSource – BBC\n")
    assert kinds.get("Source – BBC") == "byline"


def test_teasers_cut_off_with_an_ellipsis_are_related_links_and_open_no_story() -> None:
    story = [
        "The top court of the European Union has put an end to Apple's battle over taxes.",
        "Apple's chief executive had criticised the case, calling it political.",
    ]
    teasers = [
        "In his initial weeks of taking office, the president has initiated a sweeping revamp…",
        'PARIS — The movie "Emilia Pérez" recently garnered the title of best French film…',
    ]
    kinds = _kinds("\n\n".join([*story, *teasers, "© 2025 US Live"]) + "\n")
    assert all(line not in kinds for line in story)
    assert all(kinds.get(line) == "related" for line in teasers)


def test_a_subscriptions_price_and_a_comment_policy_in_the_story_are_furniture() -> None:
    story = [
        "At least 26 people have died after drinking alcohol tainted with methanol, they said.",
        "Iran's state media reported that hundreds more were taken to hospital in the north.",
        "Alcohol is banned in the country, and bootleggers often use industrial methanol.",
    ]
    offer = (
        "*No charge for 4 weeks then price increases to the regular rate of $19.00 plus GST "
        "every four weeks. Offer available to new and qualified returning subscribers only."
    )
    policy = (
        "News Channel 3 is committed to providing a forum for civil and constructive conversation."
    )
    text = "\n\n".join(["Methanol kills 26", story[0], offer, story[1], policy, story[2]]) + "\n"
    kinds = _kinds(text)
    assert offer in kinds and policy in kinds
    assert all(line not in kinds for line in story)


def test_a_date_mark_and_a_dateline_are_one_head_of_their_paragraph() -> None:
    story = " date 2022-11-05 NAIROBI: More than 200 elephants have died in the drought."
    assert _kinds(f"Drought kills elephants\n{story}\n")["date 2022-11-05 NAIROBI:"] == "dateline"
    agency_first = "Nairobi (AFP), Nov 4 – More than 200 elephants have died, the minister said."
    assert _kinds(f"Drought kills elephants\n{agency_first}\n")["Nairobi (AFP), Nov 4 –"] == (
        "dateline"
    )
    feed = " date 2024-05-26 (MENAFN- Live Mint) Payal Kapadia won the Grand Prix at Cannes."
    assert _kinds(f"Kapadia wins at Cannes\n{feed}\n")["date 2024-05-26 (MENAFN- Live Mint)"] == (
        "dateline"
    )
    month_only = " date 2024-11 Maumere: Indonesia's disaster agency said 10 people died."
    assert _kinds(f"Volcano erupts\n{month_only}\n")["date 2024-11 Maumere:"] == "dateline"
    dashed = "MAUMERE, Indonesia — (AP) — Indonesia's disaster agency said 10 people died."
    assert _kinds(f"Volcano erupts\n{dashed}\n")["MAUMERE, Indonesia — (AP) —"] == "dateline"
    agency_only = "(Reuters) - Colombia's scientists have found 27 new species, they said."
    assert _kinds(f"New species found\n{agency_only}\n")["(Reuters) -"] == "dateline"
    arrows = "TEFE, Brazil >> Dozens of river dolphins have died in the drought, experts said."
    assert _kinds(f"Dolphins die\n{arrows}\n")["TEFE, Brazil >>"] == "dateline"
    own = "(AFRICAN EXAMINER) – The Special Adviser to the President has resigned, he said."
    assert _kinds(f"Adviser resigns\n{own}\n")["(AFRICAN EXAMINER) –"] == "dateline"
    desk = "(UTV|COLOMBO) – Police arrested 20 suspects over the past 24 hours, they said."
    assert _kinds(f"Suspects arrested\n{desk}\n")["(UTV|COLOMBO) –"] == "dateline"


def test_search_boxes_appeals_and_device_prompts_are_furniture() -> None:
    story = "The cedi slumped to become the world's worst-performing currency this year."
    appeal = [
        "Support Ripples Nigeria, hold up solutions journalism",
        "Balanced, fearless journalism driven by data comes at huge financial costs.",
        "If you like what we do, kindly donate to the cause.",
        "Donate Now",
    ]
    lines = [
        "Hi, what are you looking for?",
        "Advertisement. Scroll to continue reading.",
        "rotate your device to portrait mode.",
        "Kenya's Kelvin Kiptum breaks the tape to win in London on April 23, 2023.AFP",
    ]
    assert_set_apart("Cedi slumps", story, lines + appeal)


def test_a_caption_of_several_sentences_with_its_credit_glued_on_is_furniture() -> None:
    story = "Burkina Faso's military rulers have disbanded the country's electoral commission."
    caption = (
        "Burkina Fasson's military leader Ibrahim Traore's head and shoulders threw a head "
        "and shoulder. Red Military Beret and camouflage rolling the top of the roll.Reuters"
    )
    assert_set_apart("Junta scraps commission", story, [caption])


def test_teasers_under_a_heading_of_related_links_are_related_to_the_text_end() -> None:
    story = "Four rainy seasons have failed in Kenya, Somalia and Ethiopia, the minister said."
    teasers = [
        "KQ urges passengers to make alternate plans ahead of Pilots’ strike",
        "NAIROBI, Kenya, Nov 4 – Kenya Airways has urged passengers to make plans ahead of...",
        "Gachagua assures govt not to interfere in judic",
    ]
    text = "\n".join(["Drought kills elephants", story, "More on Capital News", *teasers])
    kinds = _kinds(text + "\n")
    assert story not in kinds and all(kinds.get(t) == "related" for t in teasers), kinds


def test_a_sites_account_of_itself_under_its_heading_is_furniture() -> None:
    story = "The boy died of a cardiac arrest on Sunday, the health minister said."
    blurbs = {
        "About Us": "We are a leading digital content platform providing business news.",
        "Suggested Articles": "The Tribune has two sister publications, in Punjabi and Hindi.",
    }
    for heading, blurb in blurbs.items():
        assert_set_apart("Boy dies of Nipah", story, [heading, blurb])


def test_a_story_the_store_kept_twice_is_story_and_a_page_address_is_furniture() -> None:
    story = [
        "Microsoft is closing its Africa Development Centre in Lagos, a spokesperson said.",
        "The centre was opened in 2022 as part of a push to tap the region's talent.",
    ]
    address = " date 2024-05-08 https://www.example.com/microsoft-to-shut-centre/"
    text = "\n".join([address, *story, "Reuters", "Microsoft to shut centre", *story])
    kinds = _kinds(text + "\n")
    assert not any(line in kinds for line in story), kinds
    assert address.strip() in kinds


def test_a_sites_pointers_credits_and_disclosures_at_the_foot_are_furniture() -> None:
    story = "Burkina Faso's junta has scrapped the electoral commission, the minister said."
    lines = [
        "You may also be interested in:",
        "Go to BBCAfrica.com for more news from the African continent.",
        "Additional report by BBC Monitoring and David Bamford.",
        "How informative is this news?",
        "The article does not contain any indicators of sponsored content or advertising.",
    ]
    assert_set_apart("Junta scraps commission", story, lines)


def test_a_pointer_to_the_original_after_the_storys_last_full_stop_is_furniture() -> None:
    story = "Payal Kapadia became the first Indian filmmaker to win the Grand Prix, ANI reported."
    assert_set_apart("Kapadia wins at Cannes", story, [". Read more on livemint.com"])


def test_a_question_alone_on_its_line_is_a_headline_but_a_quoted_one_is_story() -> None:
    story = "The cap on international students has been set at 270,000, the minister said."
    heads = ["Who is the first Indian holder of the Cannes Prix Award, Payal Kapadia?"]
    assert_set_apart("Australia caps student visas", story, heads + ["What’s Behind the Visa Cap?"])
    asked = "“What will happen to us?” Anannyaa Gupta asked."
    assert asked not in _kinds(f"Visa cap\n{story}\n{asked}\n")


def test_a_list_the_story_introduces_is_story() -> None:
    text = (
        "Summer 2025 is the warmest on record\n"
        "The mean temperature stood at 16.10°C, the highest since 1884.\n"
        "The five warmest UK summers on record are now:\n"
        "- 2025: 16.10°C\n"
        "- 2018: 15.76°C\n"
    )
    assert _kinds(text) == {"Summer 2025 is the warmest on record": "headline"}


def test_a_standfirst_under_the_headline_has_no_sentence_end() -> None:
    standfirst = "Mean temperature reached 16.10°C, scientists say such a summer is now likelier"
    kinds = _kinds(f"Met Office confirms summer 2025 as the hottest\n{standfirst}\nIt was hot.\n")
    assert kinds.get(standfirst) == "headline"


def test_a_dateline_may_name_a_country_of_several_words() -> None:
    text = "PORT OF SPAIN, Trinidad and Tobago (AP) — The government declared an emergency.\n"
    found = find_furniture({"copy": text})["copy"]
    assert [(a.kind, a.text) for a in found] == [
        ("dateline", "PORT OF SPAIN, Trinidad and Tobago (AP) —")
    ]


def test_a_dateline_may_end_with_a_bullet_as_the_straits_times_prints_it() -> None:
    text = " date 2021-01-15 WASHINGTON • The world's oldest known cave painting was found.\n"
    found = find_furniture({"copy": text})["copy"]
    assert [(a.kind, a.text) for a in found] == [("dateline", "date 2021-01-15 WASHINGTON •")]


def test_what_a_store_leaves_of_emoji_and_a_caption_printed_twice_are_furniture() -> None:
    caption = "Paintings from a similar cave on the remote Muna Island, southeast of Sulawesi"
    story = "It is thought that people reached Australia 65,000 years ago."
    kinds = _kinds(f"Oldest cave art\n\n{story}\n\n ?? ?? {caption}\n{caption}\n ?? ??\n\nEnd.\n")
    assert story not in kinds
    assert kinds.get(f"?? ?? {caption}\n{caption}\n ?? ??") == "headline", kinds
    # A question asked twice over is still a sentence's end.
    assert _kinds(f"Oldest cave art\n\n{story}\n\nWho painted it, and when??\n") == {
        "Oldest cave art": "headline"
    }


def test_a_wires_notes_and_a_sites_disclaimer_are_furniture() -> None:
    story = "Gambia is investigating whether a paracetamol syrup caused the deaths."
    lines = [
        "((edward.mcallister@tr.com; +221 77 569 1704;))",
        "The views and opinions expressed herein are the views and opinions of the author "
        "and do not necessarily reflect those of Nasdaq, Inc.",
    ]
    kinds = _kinds("\n\n".join(["Gambia investigates child deaths", story, *lines]) + "\n")
    assert story not in kinds and all(line in kinds for line in lines), kinds


def test_a_wires_dateline_may_give_the_day_for_the_place() -> None:
    for head, story in (
        ("Nov 21 (Reuters) -", "Gautam Adani has been indicted in New York."),
        (" date 2025-01-01 MILAN (Agencies):", "Jannik Sinner accepted a three-month ban."),
    ):
        found = find_furniture({"copy": f"{head} {story}\n"})["copy"]
        assert [(a.kind, a.text) for a in found] == [("dateline", head.strip())]


def test_an_ap_caption_with_its_weekday_date_and_place_is_a_caption() -> None:
    caption = (
        "Runners cross the LaSalle Street bridge during the Chicago Marathon, Sunday, "
        "Oct. 13, 2024, in Chicago."
    )
    story = "Ruth Chepngetich of Kenya broke the women's marathon world record on Sunday."
    kinds = _kinds(f"Chepngetich sets record\n\n{story}\n\n{caption}\n\nShe ran 2:09:56.\n")
    assert kinds.get(caption) == "caption" and story not in kinds


def test_a_newsletter_pitch_a_bracketed_link_and_a_line_of_marks_are_furniture() -> None:
    assert_set_apart(
        "Scientists find 27 new species in Peru",
        "An expedition found 27 species new to science, the group said on Friday.",
        [
            "Sign up for CNN’s Wonder Theory science newsletter. Explore the universe with "
            "news on fascinating discoveries, scientific advancements and more.",
            "[Read More]",
            ":::",
        ],
    )


def test_a_caption_with_an_agencys_photo_credit_is_furniture() -> None:
    caption = (
        "Economy Minister Luis Caputo speaks during a press conference in Buenos Aires, "
        "Argentina, Wednesday, Jan. 10, 2024. (AP Photo/Natacha Pisarenko) Economy Minister "
        "Luis Caputo speaks during a press conference. (AP Photo/Natacha Pisarenko)"
    )
    assert_set_apart(
        "Argentina's annual inflation soars to 211.4 per cent",
        "Argentina's annual inflation rate hit 211.4% in December, the statistics agency said.",
        [caption],
    )


def test_an_agencys_notice_on_a_handout_photograph_is_furniture() -> None:
    assert_set_apart(
        "Uzbekistan says 18 killed in Karakalpakstan unrest",
        "Eighteen people were killed in unrest in Karakalpakstan, the authorities said.",
        [
            "An officer guards a street in Nukus, Uzbekistan on July 3, 2022. KUN.UZ/Handout "
            "via REUTERS ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY. "
            "NO RESALES. NO ARCHIVES"
        ],
    )


def test_a_blogs_comment_form_feed_footer_and_developing_note_are_furniture() -> None:
    # Lines of real copies (Punch's comment form, a Blogger widget, Business Recorder,
    # NBC Philadelphia, a reposting site's feed footer, an agency's name alone).
    assert_set_apart(
        "FIFA suspends seven players over forged documents",
        "FIFA suspended seven players for 12 months over forged documents, it said on Friday.",
        [
            "Please enter your comment!",
            "ReplyDelete",
            "Comments are closed.",
            "This is developing news. Please check back for updates.",
            "The post FIFA suspends seven players over forged documents appeared first on "
            "The Guardian Nigeria News - Nigeria and World News.",
            "Reuters",
            "Split image: Left - A catfish lying on a rock near water in daylight. Right - A "
            "small rodent sitting on a branch with green leaves.",
        ],
    )


def test_a_sites_appeal_for_donations_and_its_notification_prompts_are_furniture() -> None:
    # Lines of real copies (The Independent's appeal under "Your support ...", and a
    # WordPress comment form's note).
    assert_set_apart(
        "Namibian President Hage Geingob dies",
        "Namibian President Hage Geingob died Sunday while receiving medical treatment.",
        [
            "Notifications can be managed in browser preferences.",
            "Your support helps us to tell the story",
            "From reproductive rights to climate change to Big Tech, The Independent is on "
            "the ground when the story is developing.",
            "At such a critical moment in US history, we need reporters on the ground. Your "
            "donation allows us to keep sending journalists to speak to both sides of the story.",
            "Your support makes all the difference.",
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        ],
    )


def test_a_story_line_that_lost_its_full_stop_or_introduces_a_statement_is_story() -> None:
    # Lines of real copies (CKNNews, Nigerian Tracker), and a caption that stays one.
    lost = (
        "He made his position known in a statement he posted on his verified social media "
        "page seen by CKNNews"
    )
    introduces = (
        "Ajuri Ngalele Presidential spokesperson have stepdown ,in a Facebook post Ngalele "
        "stated as follows"
    )
    caption = "A new species of stick insect has been discovered in Queensland. Credit: James Cook"
    kinds = _kinds(
        "Ngelale steps aside\n\n"
        f"{introduces}\n\n"
        "Presidential spokesman Ajuri Ngelale has announced his desire to step aside.\n\n"
        f"{lost}\n\n"
        "On Friday, I submitted a memo to the Chief of Staff to the President.\n\n"
        f"{caption}\n\n"
        "I look forward to returning to full-time national service.\n"
    )
    assert lost not in kinds and introduces not in kinds, kinds
    assert kinds[caption] in ("caption", "headline"), kinds


def test_a_sentence_that_names_an_agency_or_a_post_is_story() -> None:
    kinds = _kinds(
        "Grab to cut 1,000 jobs\n\n"
        "Reuters reported the cuts on Tuesday, citing a memo.\n\n"
        "The post of chief executive went to Anthony Tan, who founded the firm.\n"
    )
    assert "Reuters reported the cuts on Tuesday, citing a memo." not in kinds
    assert "The post of chief executive went to Anthony Tan, who founded the firm." not in kinds


def test_a_dateline_with_a_desk_a_dash_after_a_place_or_an_agency_alone() -> None:
    # Heads of real copies: The Frontier Post's, Tag24's (after the store's date mark),
    # and an AP story with no dash after its credit.
    for head, story in (
        ("COLOMBO (Web Desk):", "An intruding monkey caused a nationwide blackout."),
        (" date 2024-12-09 Philippines -", "A volcano erupted in the central Philippines."),
        ("BEIRUT (AP)", "Ziad Rahbani, the Lebanese composer, died on Saturday."),
    ):
        found = find_furniture({"copy": f"{head} {story}\n"})["copy"]
        assert [(a.kind, a.text) for a in found] == [("dateline", head.strip())]
    # A source's credit on its own line is no dateline.
    credit = "Source – BBC"
    found = find_furniture({"copy": f"Lungu has died at the age of 68.\n\n{credit}\n"})["copy"]
    assert all(a.kind != "dateline" for a in found)


def test_a_syndication_notice_and_an_icons_title_are_furniture() -> None:
    assert_set_apart(
        "Monkey blamed for Sri Lanka blackout",
        "An intruding monkey caused an island-wide blackout in Sri Lanka, officials said.",
        [
            "(Except for the headline, this story has not been edited by NDTV staff and is "
            "published from a syndicated feed.)",
            "Artboard Copy Created with Sketch.",
        ],
    )
