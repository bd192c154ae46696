"""Saved pages of two invented news sites, as scrapers save them: menus, share buttons, teasers, footers.

Every page carries its site's chrome around one article written for these tests. One wire story is
reprinted by three of the pages, so that chrome detection must tell a site's template from
syndicated copy.
"""

from __future__ import annotations

from pathlib import Path

STORIES = {
    "rail": ("Freight trains link Chongqing and Duisburg in record time",
             ["A freight train carrying laptops and car parts reached Duisburg on Monday after twelve days on the "
              "rails, the fastest run since the route opened, the operator said in a statement.",
              "Officials in Chongqing said the service now leaves three times a week and that demand from "
              "electronics makers had doubled over the past year.",
              "Shippers said the trains cost more than ships but less than planes, which suits goods that lose "
              "value quickly, such as fashion and consumer electronics."]),
    "grain": ("Kazakhstan expects a larger wheat harvest after spring rains",
              ["Farmers in northern Kazakhstan expect to harvest more wheat than last year after heavy spring rains "
               "filled the soil with moisture, the agriculture ministry said on Tuesday.",
               "The ministry forecast a crop of about fifteen million tonnes and said exports to Central Asian "
               "neighbours and to China would rise if prices held.",
               "Traders in Astana warned that rail capacity at the border could limit how much grain leaves the "
               "country before winter."]),
    "port": ("Port of Piraeus adds a container terminal",
             ["The Greek port of Piraeus opened a new container terminal on Wednesday, adding room for two million "
              "boxes a year, the port authority said.",
              "The operator said the terminal would serve ships arriving through the Suez Canal and trains leaving "
              "for central Europe through the Balkans.",
              "Dock workers held a short strike during the opening ceremony to demand safer working conditions on "
              "the new quays."]),
    "solar": ("Uzbekistan signs deals for three solar plants",
              ["Uzbekistan signed agreements on Thursday with foreign investors to build three solar power plants in "
               "the Bukhara and Samarkand regions, the energy ministry said.",
               "The plants will produce about nine hundred megawatts together and should be connected to the grid "
               "within two years, officials told reporters in Tashkent.",
               "The government wants a quarter of the country's electricity to come from renewable sources by the "
               "end of the decade."]),
    "bridge": ("New road bridge opens across the Amur River",
               ["A road bridge across the Amur River between Blagoveshchensk and Heihe opened to lorries on Friday, "
                "cutting the time needed to move goods between Russia and China.",
                "Before the bridge, lorries crossed on a pontoon in summer and on the ice in winter, and waited for "
                "days when the river was neither open nor frozen.",
                "Local businesses said they hoped the crossing would bring more tourists as well as trade."]),
}
WIRE = ("Central banks of five Asian countries agree on a currency swap",
        ["The central banks of five Asian countries agreed on Saturday to a currency swap line worth ten billion "
         "dollars, meant to steady their currencies during market turmoil, according to a joint statement.",
         "The agreement lets each bank borrow the currencies of the others for up to a year, the statement said.",
         "Economists said the deal was small compared with reserves held by the banks but sent a signal of "
         "cooperation to investors."])

SITE_A_TOP = ["Home", "World", "Business", "Sport", "Culture", "Opinion", "Video", "Search", "Subscribe",
              "Edition: International", "English | Español | Français | Deutsch | Русский | العربية | 中文",
              "Asia Pacific", "Europe", "Americas", "Middle East", "Africa", "Markets", "Technology", "Science",
              "Travel", "Food", "Photos", "Podcasts", "Newsletters", "Log in"]
SITE_A_SHARE = ["Share this article", "Facebook", "Twitter", "Email", "Print"]
SITE_A_BOTTOM = ["Most Read", "Heatwave grips southern Europe for a second week",
                 "Election officials begin recount in coastal district", "Tech firms report record profits",
                 "Related stories", "Contact us", "Terms of use", "Privacy policy", "Cookie settings", "Careers",
                 "© 2020 The Daily Planet Online. All rights reserved. Reproduction without permission is prohibited.",
                 "The Daily Planet Online is not responsible for the content of external sites linked from this page."]
SITE_B_TOP = ["Front page", "News", "Economy", "Regions", "Photos", "Weather", "Log in", "Register", "Newsletter",
              "Caucasus", "Central Asia", "Russia", "China", "Energy", "Transport", "Agriculture", "Analysis",
              "Interviews", "Video reports", "Archive", "Follow us on Telegram and VK"]
SITE_B_BOTTOM = ["Comments", "Please log in to comment.", "Popular this week", "Gas prices expected to rise in winter",
                 "Border crossing reopens after repairs", "About us", "Advertise", "Jobs", "Editorial policy",
                 "All content on Eurasia Herald is protected by copyright and may not be republished without consent."]


def site_a_page(story: tuple[str, list[str]], stamp: str) -> str:
    """A page of site A: page title with the site name, menus, stamp, headline, story, footers."""
    headline, paragraphs = story
    return "\n".join([f"{headline} - The Daily Planet Online", *SITE_A_TOP, f"( Xinhua ) {stamp}", headline,
                      *SITE_A_SHARE, *paragraphs, *SITE_A_BOTTOM])


def site_b_page(story: tuple[str, list[str]], stamp: str) -> str:
    """A page of site B: the site name first in the title, a byline, teasers of other stories after the story."""
    headline, paragraphs = story
    others = [title for title, _ in STORIES.values() if title != headline][:2]
    teasers = [others[0], "March 3, 2021", others[1], "March 2, 2021"]
    return "\n".join([f"Eurasia Herald | {headline}", *SITE_B_TOP, headline, "By Staff Reporter", stamp,
                      *paragraphs, *teasers, *SITE_B_BOTTOM])


def build_site_dumps(root: Path, *, one_line: bool = False) -> dict[str, tuple[str, list[str]]]:
    """Write the pages of both sites as text files under ``root``; return doc_id -> (headline, paragraphs).

    With ``one_line``, every page is saved on a single line, its blocks joined by spaces.
    """
    root.mkdir(parents=True, exist_ok=True)
    pages = {
        "a_rail": (site_a_page, STORIES["rail"], "14:20, November 18, 2020"),
        "a_grain": (site_a_page, STORIES["grain"], "09:05, November 19, 2020"),
        "a_port": (site_a_page, STORIES["port"], "17:45, November 20, 2020"),
        "a_wire": (site_a_page, WIRE, "08:00, November 21, 2020"),
        "b_solar": (site_b_page, STORIES["solar"], "Updated 10:15 AM, March 4, 2021"),
        "b_bridge": (site_b_page, STORIES["bridge"], "Updated 6:30 PM, March 5, 2021"),
        "b_rail": (site_b_page, STORIES["rail"], "Updated 7:00 AM, March 6, 2021"),
        "b_wire": (site_b_page, WIRE, "Updated 9:00 AM, March 7, 2021"),
    }
    expected = {}
    for doc_id, (page, story, stamp) in pages.items():
        text = page(story, stamp)
        (root / f"{doc_id}.txt").write_text(text.replace("\n", " ") if one_line else text, encoding="utf-8")
        expected[doc_id] = story
    (root / "wire_copy.txt").write_text(WIRE[0] + "\n\n" + "\n\n".join(WIRE[1]), encoding="utf-8")
    expected["wire_copy"] = WIRE
    return expected
