"""Saved pages of invented news sites, as scrapers save them: menus, share buttons, teasers, footers.

Every page carries its site's chrome around one article written for these tests. One wire story is
reprinted by three of the pages of two sites, so that chrome detection must tell a site's template from
syndicated copy. A regional portal prints its time stamp in several layouts and has a long feature with
boxes inside it and photo pages; a Chinese and a Russian site print theirs as such sites do.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

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


class Page(NamedTuple):
    """A saved page and what reading it must give."""

    text: str
    headline: str
    paragraphs: list[str]
    date: str
    source: str


PORTAL = "Asia Bulletin"
PORTAL_TOP = ["Home", "China", "World", "Business", "Regions", "Culture", "Sports", "Photos", "Video", "Opinion",
              "Special Coverage", "Belt and Road", "Search", "中文", "Русский", "RSS", "Mobile edition",
              "Newsletter sign-up", "Weather", "Markets"]
PORTAL_SHARE = ["Share:", "WeChat", "Weibo", "LinkedIn", "Copy link"]
PORTAL_BOTTOM = ["Related stories", "Editor's picks", "About us", "Contact us", "Advertise with us", "Jobs",
                 "Copyright © 2020 Asia Bulletin. All rights reserved. Content may not be reproduced without consent.",
                 "Registered news site, licence number 00000000. Reports of illegal content: report@example.org."]
PHOTO_MENU = ["Photo channel", "China in photos", "World in photos", "Travel in photos", "Nature", "People",
              "Photo archive", "Submit your photos"]
PHOTO_NAVIGATION = ["Previous photo", "Next photo", "Play slideshow", "Thumbnails"]

NEWS = {
    "steel": ("Steelmaker opens a plant powered by hydrogen in Hebei",
              ["A steelmaker in Hebei province started a furnace on Tuesday that burns hydrogen instead of coke, "
               "cutting the plant's carbon emissions by about a third, the company said.",
               "Engineers tested the furnace for six months before the launch and said the hydrogen comes from "
               "wind farms in the north of the province.",
               "The company plans to convert two more furnaces by 2025 if the price of hydrogen keeps falling."]),
    "tea": ("Tea growers in Yunnan sell their harvest through live streams",
            ["Tea growers in southern Yunnan sold more than half of this year's harvest through live streams, "
             "local officials said on Wednesday, as buyers stayed away from markets.",
             "A cooperative in Pu'er said its members learned to film themselves picking and roasting leaves, and "
             "that orders came from as far as Harbin and Urumqi.",
             "Older farmers said they relied on their grandchildren to answer questions from viewers."]),
    "ferry": ("New ferry route links Dalian and Incheon",
              ["A ferry route between Dalian and Incheon opened on Thursday, offering passengers and freight a "
               "crossing of about fourteen hours, the port operator said.",
               "The ship carries up to three hundred passengers and two hundred containers, and will sail three "
               "times a week in each direction.",
               "Travel agencies said they expected students and small traders to be the first regular customers."]),
    "wheat": ("Farmers in Henan finish sowing winter wheat ahead of the frost",
              ["Farmers in Henan finished sowing winter wheat on Friday, about a week earlier than last year, the "
               "provincial agriculture department said.",
               "Mild weather in October let machines work in the fields without the delays that rain caused in "
               "previous seasons.",
               "Agronomists advised farmers to watch for aphids if the warm spell continues into December."]),
}

FEATURE = ("How a rail port in Xi'an became a hub for trade with Europe", [
    "Ten years ago the land east of Xi'an held wheat fields and brick kilns. Today it holds one of the busiest "
    "inland rail ports in Asia, where cranes move containers between trains from the coast and trains bound for "
    "Europe and Central Asia.",
    "The port opened with a single track and a warehouse. Its managers say it now handles more than three thousand "
    "departures a year, and that the number has grown every year since the first train left for Hamburg.",
    "Much of the cargo is made nearby. Factories in Shaanxi assemble phones, solar panels and car parts, and their "
    "owners say that shipping by rail from Xi'an saves them the trip to ports on the coast. A maker of printed "
    "circuit boards moved its assembly lines to the province three years ago and now sends two containers a week "
    "to a customer in Poland. Its logistics manager said the company used to truck its goods to Shanghai, wait "
    "for space on a ship and then wait again at the port of Hamburg, and that the whole trip took seven weeks in "
    "a good month. A maker of solar panels tells a similar story: its buyers in Spain and Italy order smaller "
    "batches more often, which suits trains better than ships. Car parts go the other way as well, with gearboxes "
    "made in Bavaria arriving for a joint venture that assembles cars on the other side of the city. Managers at "
    "several of these firms said they would not have chosen Xi'an without the trains, although most added that "
    "cheap land and a large pool of workers from the surrounding countryside mattered at least as much.",
    "Importers use the trains too. Wine from Georgia, flour from Kazakhstan and machinery from Germany arrive in "
    "containers that would otherwise return empty.",
    "Customs officers at the port check documents before the trains arrive, so that containers can leave the yard "
    "within a day, a process that once took almost a week.",
    "Freight forwarders say the speed matters more than the price. A container sent by sea from Shanghai to "
    "Rotterdam spends about five weeks at sea; by rail from Xi'an it reaches Duisburg in about two.",
    "The trains cost more than ships, however, and forwarders warn that subsidies from local governments still pay "
    "for part of many journeys.",
    "On November 12, 2020, the port received its first train of frozen fish from Russia, and its managers said "
    "more would follow in the winter months.",
    "Economists have questioned whether the routes would survive without that support. Some argue that the money "
    "would be better spent on roads and schools in the province.",
    "Officials in Xi'an reply that the port has drawn factories and jobs that would not have come otherwise, and "
    "that the subsidies are shrinking each year.",
    "Workers at the port see the change in their own lives. A crane operator who grew up in a nearby village said "
    "he now earns three times what his father made as a farmer.",
    "Not everyone has gained. Residents of villages moved to make room for the yards said the compensation they "
    "received did not cover the cost of new flats in the city.",
    "The port's managers want to add cold storage next year, so that fruit and meat can travel by rail, and they are "
    "talking to shipping lines about through tickets that combine rail and sea.",
    "Trade with Central Asia has grown fastest. Trains to Almaty and Tashkent carry building materials and "
    "household goods, and return with cotton, copper and grain.",
    "On 3 September 2019 the ten thousandth train left the port for Duisburg, loaded with laptops and printers.",
    "Border crossings remain the slowest part of the journey. Trains change bogies where the track gauge changes, "
    "and queues at busy crossings can add several days.",
    "Railway companies along the route have promised to share data on train movements, so that customs officers "
    "on both sides of a border can prepare before a train arrives.",
    "For now, the managers of the port measure success in simple terms: the number of trains that leave each day "
    "and the number that come back full.",
])
FEATURE_PHOTO = ("A crane lifts a container onto a freight train at the rail port in Xi'an, Shaanxi province, on "
                 "Nov 16, 2020. [Photo/Xinhua]")
FEATURE_RELATED = ["Related:", "Rail freight to Europe doubles in a year", "Customs speed up checks at inland ports"]
#: A timeline inside the feature: dated lines, each a short entry, that are not time stamps of other stories.
FEATURE_TIMELINE = ["Milestones", "3 Sep 2019: ten thousandth train leaves for Duisburg",
                    "12 Nov 2020: first train of frozen fish arrives from Russia",
                    "17 Nov 2020: customs open a second inspection hall"]
FEATURE_FACTS = ["Fact box", "Freight trains between China and Europe", "Data as of 2020-11-17 16:00", "Trips",
                 "12,406", "Containers (TEU)", "1,135,000", "Change on last year", "+50%"]

#: Photo pages: a headline and captions, each caption followed by the photo's credit.
GALLERY_CAPTIONS = {
    "lanterns": ("Lantern makers in Zigong prepare for the festival",
                 ["A worker paints the frame of a dragon lantern at a workshop in Zigong, Sichuan province.",
                  "Craftsmen stretch coloured silk over a steel frame shaped like a phoenix in the same workshop.",
                  "Finished lanterns are tested with lights before they are packed for shipping to other cities.",
                  "A craftsman shows an apprentice how to bend wire into the shape of a fish's tail."]),
    "snow": ("First snow covers the grasslands of Inner Mongolia",
             ["Herders drive sheep across a snowy pasture near Hulunbuir, Inner Mongolia autonomous region.",
              "Horses stand in fresh snow beside a frozen river on the grasslands near the border with Mongolia.",
              "A herder clears snow from the roof of a barn after the first heavy snowfall of the winter.",
              "Children build a snowman outside a school in the town of Manzhouli after classes."]),
    "harvest": ("Rice harvest begins in the terraces of Guangxi",
                ["Farmers cut rice on terraced fields in Longsheng county, Guangxi Zhuang autonomous region.",
                 "Villagers carry bundles of rice down narrow paths between the terraces to the threshing floor.",
                 "Tourists photograph the golden terraces from a viewing platform above the village.",
                 "A farmer dries freshly threshed rice on bamboo mats in the courtyard of her house."]),
}

GALLERY_CREDITS = {"lanterns": "[Photo/Xinhua]", "snow": "(Photo: Xinhua/Bai Lin)", "harvest": "[Photo/VCG]"}
GALLERIES = {name: (headline, [f"{caption} {GALLERY_CREDITS[name]}" for caption in captions])
             for name, (headline, captions) in GALLERY_CAPTIONS.items()}

PORTAL_STAMPS = {  # the stamp a page prints, and the date and source it states
    "bracketed": ("( Xinhua ) 14:20, November 18, 2020", "2020-11-18", "Xinhua"),
    "fields": ("Source: Xinhua | 2020-11-19 09:05:31 | Editor: Wang Lei", "2020-11-19", "Xinhua"),
    "byline": ("By Li Wei | China Daily | Updated: 2020-11-20 08:30", "2020-11-20", "China Daily"),
    "updated": ("Updated: 17:45, Nov.21,2020", "2020-11-21", PORTAL),
}


def portal_page(story: tuple[str, list[str]], stamp: str, *, inside: list[str] = (), teasers: list[str] = ()) -> str:
    """A page of the portal: its name in the title, menus, headline, stamp, share buttons, story, related stories."""
    headline, paragraphs = story
    return "\n".join([f"{headline} - {PORTAL}", *PORTAL_TOP, headline, stamp, *PORTAL_SHARE, *paragraphs, *inside,
                      *PORTAL_BOTTOM[:1], *teasers, *PORTAL_BOTTOM[1:]])


def feature_page(stamp: str) -> str:
    """The long feature, with a photo, a box of related links, a fact box and a timeline inside it."""
    headline, paragraphs = FEATURE
    body = [*paragraphs[:3], FEATURE_PHOTO, *paragraphs[3:6], *FEATURE_RELATED, *paragraphs[6:11], *FEATURE_FACTS,
            *paragraphs[11:14], *FEATURE_TIMELINE, *paragraphs[14:]]
    return portal_page((headline, body), stamp, teasers=[NEWS["steel"][0], NEWS["tea"][0]])


def gallery_page(story: tuple[str, list[str]], stamp: str) -> str:
    """A photo page: the photo channel's menu, a counter before each caption, navigation, other galleries."""
    headline, captions = story
    photos = [line for number, caption in enumerate(captions, start=1) for line in (f"{number}/{len(captions)}", caption)]
    others = [title for title, _ in GALLERIES.values() if title != headline]
    return "\n".join([f"{headline} - {PORTAL}", *PORTAL_TOP, *PHOTO_MENU, headline, stamp, *photos,
                      *PHOTO_NAVIGATION, *others, *PORTAL_BOTTOM])


def build_portal(root: Path, *, one_line: bool = False) -> dict[str, Page]:
    """Write the portal's pages under ``root`` (with ``one_line``, each on a single line); return doc_id ->
    :class:`Page`."""
    root.mkdir(parents=True, exist_ok=True)
    pages = {}
    layouts = list(PORTAL_STAMPS.values())
    for number, (name, story) in enumerate(NEWS.items()):
        stamp, date, source = layouts[number]
        teasers = [title for other, (title, _) in NEWS.items() if other != name][:2]
        pages[f"news_{name}"] = Page(portal_page(story, stamp, teasers=teasers), *story, date, source)
    stamp, date, source = PORTAL_STAMPS["fields"]
    pages["feature"] = Page(feature_page(stamp), FEATURE[0], [*FEATURE[1][:3], FEATURE_PHOTO, *FEATURE[1][3:]],
                            date, source)
    for name, story in GALLERIES.items():
        stamp, date, source = PORTAL_STAMPS["bracketed"]
        pages[f"photos_{name}"] = Page(gallery_page(story, stamp), *story, date, source)
    for doc_id, page in pages.items():
        (root / f"{doc_id}.txt").write_text(page.text.replace("\n", " ") if one_line else page.text, encoding="utf-8")
    return pages


ZH_SITE = "亚洲快讯网"
ZH_TOP = ["首页", "国内", "国际", "财经", "科技", "图片", "视频", "评论", "English", "登录", "注册"]
ZH_BOTTOM = ["相关新闻", "关于我们", "联系我们", "广告服务", "版权所有 © 2020 亚洲快讯网 未经授权禁止转载", "网络备案编号 00000000号"]
ZH_NEWS = {
    "rail": ("中欧班列今年开行数量创新高",
             ["记者从铁路部门获悉，今年以来中欧班列开行数量已超过一万列，比去年同期增长五成以上。",
              "铁路部门表示，班列运输的货物主要是电子产品、汽车配件和日用品，回程班列也越来越多。",
              "专家认为，海运运力紧张让更多企业选择铁路运输，这一趋势有望持续到明年。"]),
    "tea": ("云南茶农通过网络直播销售新茶",
            ["云南普洱的茶农今年通过网络直播卖出了一半以上的新茶，当地官员周三介绍了有关情况。",
             "一家合作社的负责人说，社员们学会了在镜头前采茶、炒茶，订单来自全国各地。",
             "一些年纪较大的茶农表示，他们需要孙辈帮忙回答观众提出的问题。"]),
    "ferry": ("大连至仁川客货航线开通",
              ["大连至仁川的客货航线周四正式开通，单程航行时间约为十四个小时，港口运营方介绍说。",
               "这艘船最多可搭载三百名乘客和两百个集装箱，每周往返三次。",
               "旅行社预计，留学生和小商户将成为这条航线的第一批常客。"]),
}
ZH_STAMPS = [("2020年11月18日 14:20 来源：新华社", "2020-11-18", "新华社"),
             ("2020-11-19 09:30:00 来源：人民网 作者：李明", "2020-11-19", "人民网"),
             ("2020年11月20日 08:15 来源：新华社", "2020-11-20", "新华社")]

RU_SITE = "Евразийский вестник"
RU_TOP = ["Главная", "Политика", "Экономика", "Общество", "В мире", "Фото", "Видео", "Войти", "Подписаться"]
RU_BOTTOM = ["Читайте также", "О проекте", "Реклама", "Контакты",
             "© 2020 Евразийский вестник. Все права защищены. Перепечатка только с согласия редакции.",
             "Свидетельство о регистрации СМИ № 00-00000."]
RU_NEWS = {
    "bridge": ("Мост через Амур открыли для грузовиков",
               ["Автомобильный мост через Амур между Благовещенском и Хэйхэ в пятницу открыли для грузовиков, "
                "сообщили в администрации области.",
                "До открытия моста грузы переправляли на понтоне летом и по льду зимой, а весной и осенью "
                "перевозчикам приходилось ждать по нескольку дней.",
                "Местные предприниматели надеются, что переход привлечёт не только торговлю, но и туристов."]),
    "grain": ("Казахстан ожидает рост урожая пшеницы",
              ["Аграрии северного Казахстана рассчитывают собрать больше пшеницы, чем в прошлом году, после "
               "обильных весенних дождей, сообщило министерство сельского хозяйства.",
               "Министерство прогнозирует урожай около пятнадцати миллионов тонн и ожидает роста экспорта в "
               "соседние страны и в Китай.",
               "Трейдеры предупреждают, что пропускная способность железной дороги на границе может ограничить "
               "вывоз зерна до зимы."]),
    "solar": ("Узбекистан подписал соглашения о трёх солнечных станциях",
              ["Узбекистан в четверг подписал соглашения с иностранными инвесторами о строительстве трёх солнечных "
               "электростанций в Бухарской и Самаркандской областях, сообщило министерство энергетики.",
               "Общая мощность станций составит около девятисот мегаватт, их планируют подключить к сети в течение "
               "двух лет.",
               "Правительство хочет, чтобы к концу десятилетия четверть электроэнергии в стране давали "
               "возобновляемые источники."]),
}
RU_STAMPS = [("18.11.2020 14:20 Источник: ТАСС", "2020-11-18", "ТАСС"),
             ("14:05 19.11.2020 | Интерфакс", "2020-11-19", "Интерфакс"),
             ("20.11.2020, 09:40", "2020-11-20", RU_SITE)]


def build_foreign_sites(root: Path) -> dict[str, Page]:
    """Write the pages of the Chinese and the Russian site under ``root``; return doc_id -> :class:`Page`."""
    root.mkdir(parents=True, exist_ok=True)
    pages = {}
    for (name, (headline, paragraphs)), (stamp, date, source) in zip(ZH_NEWS.items(), ZH_STAMPS):
        others = [title for title, _ in ZH_NEWS.values() if title != headline]
        text = "\n".join([f"{headline}_{ZH_SITE}", *ZH_TOP, headline, stamp, *paragraphs, ZH_BOTTOM[0], *others,
                          *ZH_BOTTOM[1:]])
        pages[f"zh_{name}"] = Page(text, headline, paragraphs, date, source)
    for (name, (headline, paragraphs)), (stamp, date, source) in zip(RU_NEWS.items(), RU_STAMPS):
        others = [title for title, _ in RU_NEWS.values() if title != headline]
        text = "\n".join([f"{headline} — {RU_SITE}", *RU_TOP, headline, stamp, *paragraphs, RU_BOTTOM[0], *others,
                          *RU_BOTTOM[1:]])
        pages[f"ru_{name}"] = Page(text, headline, paragraphs, date, source)
    for doc_id, page in pages.items():
        (root / f"{doc_id}.txt").write_text(page.text, encoding="utf-8")
    return pages
