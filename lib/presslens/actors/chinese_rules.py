"""Rules of Chinese news style that find or complete names a tagger misses.

- gazetteer names, matched longest first on word boundaries (a long name anywhere);
- a personal name after a title or role (*董事长缪建民*, *记者于佳欣、邵艺博*);
- transliterated foreign names joined by a middle dot (*卡洛斯·阿马特*, *哈斯穆-卓玛尔特·托卡耶夫*);
- a news agency's dateline (*新华社北京3月5日电*): the place;
- a place or body followed by the head of a body becomes that body (*扬州* + *市委* → *扬州市委*,
  *国务院* + *国资委*, *中国* + *检察日报社*).

Every function takes a sentence in simplified characters and returns spans of it (:class:`Span`).
"""

from __future__ import annotations

import re

from presslens.actors.chinese_spans import Span, Word, jieba_tokenizer

#: Titles and roles that stand right before a personal name.
TITLES = frozenset("""
主席 副主席 总理 副总理 总统 副总统 首相 外长 外相 防长 部长 副部长 国务委员 委员长 副委员长 总书记 书记 副书记
市长 副市长 省长 副省长 县长 副县长 区长 副区长 镇长 乡长 村长 局长 副局长 厅长 副厅长 处长 科长 主任 副主任
董事长 副董事长 董事 总经理 副总经理 经理 总裁 副总裁 首席执行官 首席科学家 总工程师 工程师 行长 副行长
院长 副院长 校长 副校长 所长 教授 副教授 研究员 院士 博士 记者 特约记者 通讯员 编辑 主编 总编辑 发言人
大使 公使 参赞 领事 总领事 秘书长 副秘书长 会长 副会长 理事长 总干事 司令员 司令 政委 将军 上将 中将 少将
法官 检察长 议长 常委 队长 教练 主教练 委员 先生 女士 同志 老师 医生 总监 创始人 主持人 代表 国王 王子 总督
""".split())

#: Heads of a body's name: a place or body followed by one becomes a body (*扬州* + *市委*).
BODY_HEADS = tuple(sorted(set("""
市委 省委 县委 区委 州委 镇委 乡委 党委 党组 党工委 工委 纪委 政法委 人大 人大常委会 常委会 政协 委员会 管委会
宣传部 组织部 统战部 外办 公安局 公安厅 财政局 财政厅 教育局 教育厅 商务局 商务厅 外事办 办公厅 发展和改革委员会
发改委 国资委 教委 卫健委 大学 学院 研究院 研究所 研究中心 中学 小学 医院 日报 日报社 报社 电视台 通讯社 协会 学会
商会 联合会 基金会 代表团 交易所 法院 检察院 海关 议会 国会 外交部 商务部 国防部 财政部 大使馆 领事馆 总领事馆
使馆 军区 舰队 队 俱乐部
""".split()), key=len, reverse=True))
#: Heads of a company's name: they make a body only after a name of its own (*吉利控股集团*), never
#: straight after a place (*美国公司* are American companies).
COMPANY_HEADS = tuple(sorted(set("银行 分行 集团 公司 有限公司 股份有限公司 总公司 分公司 控股集团".split()), key=len, reverse=True))

#: Last characters of a body's name (*学院*, *公司*, *委*): a personal name may follow them.
BODY_HEAD_ENDS = frozenset("院部局委会社所校行团司厂办署处厅馆队台")
#: Forms of address around a personal name that are not part of it (*老*李, 郑*先生*).
NAME_PREFIXES = frozenset("老 小 阿".split())
#: Characters that never end or start a personal name (*安德雷斯*和, 里贝罗*各*).
FUNCTION_CHARS = frozenset("和与及各等的在说是了对向同跟把被将为也都")
NAME_SUFFIXES = frozenset("老 先生 女士 小姐 老师 同志 某 总 师傅 大夫 教授 书记 主任".split())

#: Last characters of names of administrative places (*张掖市*, *信阳高新区*).
PLACE_ENDS = frozenset("省市县区州")

#: Common Chinese family names (single and compound), for names after a title.
SURNAMES = frozenset("""
王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘
于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹
薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔
伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴
霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古
吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师
和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南
班 储 原 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅 屠 豆 朴 盖 练 廉 禹 井
祖 漆 巴 丰 支 卿 国 狄 平 计 索 宣 晋 相 初 门 云 容 敬 来 扈 晁 芮 都 普 阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 阿 乌 母
裘 亓 修 邰 赫 杭 况 那 宿 鲜 印 逯 隆 茹 诸 战 慕 危 玉 银 亢 嵇 公 哈 湛 宾 戎 勾 茅 利 於 呼 居 揭 干 但 尉 冶
斯 元 束 檀 衣 信 展 阴 昝 智 幸 奉 植 衡 富 尧 闭 由 欧阳 司马 诸葛 上官 令狐 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒
夏侯 东方 端木 西门 独孤 南宫 万俟 闻人 轩辕 呼延 钟离 宇文
""".split())

#: Separators of the parts of a transliterated name.
_NAME_DOTS = "·•・‧∙"
_TRANSLITERATED = re.compile(rf"[\u4e00-\u9fff]+(?:[{_NAME_DOTS}\-－][\u4e00-\u9fff]+)*[{_NAME_DOTS}][\u4e00-\u9fff]+")
#: Characters of transliterated foreign names (Xinhua's syllable table, the common ones).
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥澳巴拔白班邦保鲍贝本比彼毕边宾滨波伯博布步查察柴昌彻陈成楚茨次达大戴丹道德登迪蒂帝第典丁东"
    "杜度敦顿多厄恩尔法凡范方菲费芬丰冯弗福夫富伽盖甘冈戈格贡古瓜圭贵哈海汉豪赫黑亨洪胡华怀惠霍基吉济加迦嘉杰"
    "捷金久卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾累里理丽利莉连廉良列林琳铃留柳卢鲁陆路伦罗洛马玛迈麦曼"
    "芒梅美门蒙孟米密敏明摩莫默姆穆拿纳奈南瑙内尼妮涅宁纽努诺欧帕派潘庞佩彭皮匹普奇齐恰乔切钦琴丘萨塞赛桑瑟森"
    "沙莎山珊尚绍舍申什施史士斯松苏索塔泰坦汤唐特提廷通图托瓦万旺威韦维魏温文沃乌伍武西希锡席夏谢辛休雅亚扬耶"
    "叶伊依因英尤于约扎泽詹佐祖卓茹若瑞舒娃娜奇夫基契罗霍赞穆哈努詹耶茨尤莉娅诺克斯芭芙丝黛琪绮薇露莲洁婷京罕兹杰森")
#: News agencies whose dateline names a place: 新华社北京3月5日电.
_DATELINE = re.compile(r"(?:新华社|中新社|新华网|人民网|中新网|央视网|本报)(?:[\u4e00-\u9fff]{0,3}?记者[\u4e00-\u9fff]{2,4}?)?"
                       r"([\u4e00-\u9fff]{2,6}?)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日电")
#: One-character short names of countries, as paired in 中美关系, 中俄两国, 中哈合作.
_COUNTRY_SHORT = "中美俄日韩朝印巴英法德意澳越哈吉塔乌蒙"
#: The actor a one-character short name stands for, where it stands for one only (巴 is Pakistan or
#: Brazil, 乌 Uzbekistan or Ukraine: they keep their character), with 华 (China) and 京 (Beijing).
SHORT_NAME_ACTORS = {
    "中": "China", "华": "China", "京": "Beijing", "美": "United States", "俄": "Russia", "日": "Japan",
    "韩": "South Korea", "朝": "North Korea", "印": "India", "英": "United Kingdom", "法": "France", "德": "Germany",
    "意": "Italy", "澳": "Australia", "越": "Vietnam", "哈": "Kazakhstan", "吉": "Kyrgyzstan", "塔": "Tajikistan",
    "蒙": "Mongolia",
}
_PAIRED = re.compile(rf"(?<![\u4e00-\u9fff][{_COUNTRY_SHORT}])([{_COUNTRY_SHORT}])([{_COUNTRY_SHORT}])([{_COUNTRY_SHORT}])?"
                     r"(?=关系|两国|三国|双方|之间|首脑|元首|会谈|会晤|峰会|联合|战略|经贸|贸易|友好|同盟|边境|对话|外长|"
                     r"领导人|建交|伙伴|合作|友谊|交流|共同)")
#: A visit to, a post in, a policy towards China or Beijing: 访华, 驻华, 对华, 抵京, 在京.
_VISITED = re.compile(r"(?<=[访来驻在对赴抵离进返旅援])([华京])(?![剧人侨裔语文夏东南北西中沪津师])")
#: jieba tags of words that may stand inside a body's name between a place and the body's head.
_NAME_WORD_TAGS = ("n", "nz", "nt", "ns", "vn", "j", "an")
#: jieba tags a personal name may carry when it follows a title.
_NOT_NAME_TAGS = ("v", "p", "c", "u", "d", "m", "q", "r", "x", "f", "t", "eng", "y", "e", "o")


def gazetteer_spans(sentence: str, name_types: dict[str, str], words: list[Word]) -> list[Span]:
    """Known names (``name_types``: name -> actor type), longest first, that start and end on jieba
    word boundaries (or are at least three characters long, where a boundary error is no risk)."""

    starts = {w.start for w in words}
    ends = {w.end for w in words}
    longest = max(map(len, name_types), default=0)
    spans, position = [], 0
    while position < len(sentence):
        for size in range(min(longest, len(sentence) - position), 1, -1):
            surface = sentence[position:position + size]
            if surface in name_types and (size >= 3 or (position in starts and position + size in ends)):
                spans.append(Span(position, position + size, name_types[surface], "gazetteer"))
                position += size
                break
        else:
            position += 1
    return spans


def rule_spans(sentence: str, words: list[Word], found: list[Span]) -> list[Span]:
    """Names that the rules find: transliterated names, names after titles, dateline places."""
    return [*transliterated_names(sentence, words), *titled_names(sentence, words, found), *dateline_places(sentence),
            *short_country_names(sentence)]


def transliterated_names(sentence: str, words: list[Word]) -> list[Span]:
    """Names whose parts are joined by a middle dot: the transliteration characters on either side of
    the dots (*总统埃莫马利·拉赫蒙说* → *埃莫马利·拉赫蒙*)."""

    spans = []
    for match in _TRANSLITERATED.finditer(sentence):
        start, end = match.start(), match.end()
        dots = [i for i in range(start, end) if not _is_han(sentence[i])]
        first, last = dots[0], dots[-1]
        while first > start and sentence[first - 1] in TRANSLITERATION:
            first -= 1
        while last < end - 1 and sentence[last + 1] in TRANSLITERATION:
            last += 1
        if first < dots[0] and last > dots[-1]:
            spans.append(Span(first, last + 1, "person", "rule"))
    return spans


def titled_names(sentence: str, words: list[Word], found: list[Span]) -> list[Span]:
    """Personal names after a title (*董事长缪建民*) and those listed after such a name with 、 (*记者于佳欣、
    邵艺博*): a word of two or three characters that starts with a family name."""

    spans = []
    for index, word in enumerate(words[:-1]):
        after_title = word.text in TITLES or any(word.text.endswith(t) and len(word.text) > len(t) for t in ("书记", "主任", "记者", "部长", "总经理", "董事长"))
        after_name = word.text == "、" and spans and spans[-1].end == word.start
        if not (after_title or after_name):
            continue
        name = _personal_name(words, index + 1)
        if name:
            spans.append(Span(name[0], name[1], "person", "rule"))
    covered = [s for s in spans if not any(f.start < s.end and s.start < f.end for f in found if f.type == "person")]
    return covered


def _personal_name(words: list[Word], index: int) -> tuple[int, int] | None:
    """(start, end) of a Chinese personal name of two or three characters beginning at ``words[index]``."""
    word = words[index]
    if word.tag.startswith("nr") and 2 <= len(word.text) <= 4:
        return word.start, word.end
    if not (word.text[:1] in SURNAMES or word.text[:2] in SURNAMES) or word.text[:1] in FUNCTION_CHARS:
        return None
    if 2 <= len(word.text) <= 3 and not word.tag.startswith(_NOT_NAME_TAGS) and not in_dictionary(word.text):
        return word.start, word.end
    if len(word.text) != 1:
        return None
    end, text = word.end, word.text  # a name the segmenter cut into pieces: 赵/卫东, 叶/伟/飞
    for following in words[index + 1:index + 3]:
        if (len(text) + len(following.text) > 3 or not _is_han(following.text) or following.text in TITLES
                or following.tag.startswith(_NOT_NAME_TAGS) or following.tag in ("ns", "nt")):
            break
        end, text = following.end, text + following.text
    return (word.start, end) if 2 <= len(text) <= 3 else None


def in_dictionary(word: str) -> bool:
    """Whether ``word`` is an entry of jieba's dictionary (a common word, not a name it guessed)."""
    return bool(jieba_tokenizer().tokenizer.FREQ.get(word))


def short_country_names(sentence: str) -> list[Span]:
    """One-character names of countries and of Beijing: paired (*中*、*美* in 中美关系) or after a
    verb of visiting or facing (*华* in 访华, *京* in 抵京)."""

    spans = []
    for match in _PAIRED.finditer(sentence):
        if len(set(match.group(0))) == len(match.group(0)):
            spans.extend(Span(i, i + 1, "location", "rule") for i in range(match.start(), match.end()))
    spans.extend(Span(m.start(), m.end(), "location", "rule") for m in _VISITED.finditer(sentence))
    return spans


def split_places(span: Span, sentence: str) -> list[Span]:
    """A tagger's span of places named one inside the other, as separate places (*甘肃省兰州市* → *甘肃省*,
    *兰州市*); a person's span that ends like a place (*张掖市*) is a place. A body's span is left
    alone (*日本大藏省*)."""

    surface = sentence[span.start:span.end]
    if len(surface) < 3 or surface[-1] not in PLACE_ENDS or span.type == "organization":
        return [span]
    parts, first = [], span.start
    for position in range(span.start + 2, span.end - 2):
        if sentence[position] in "省市县" and position + 1 - first >= 3:
            parts.append(Span(first, position + 1, "location", span.method))
            first = position + 1
    return [*parts, Span(first, span.end, "location", span.method)]


def dateline_places(sentence: str) -> list[Span]:
    """The place of a news agency's dateline (*新华社北京3月5日电* → *北京*)."""

    return [Span(m.start(1), m.end(1), "location", "rule") for m in _DATELINE.finditer(sentence)]


def extend_bodies(sentence: str, words: list[Word], spans: list[Span]) -> list[Span]:
    """A place or body followed by the head of a body (*市委*, *人民政府*, *检察日报社*), directly or
    through up to three nouns, becomes that body; spans it then covers are dropped."""

    word_at = {w.start: w for w in words}
    word_ends = {w.end for w in words}
    result: list[Span] = []
    for span in spans:
        if result and result[-1].end > span.start:
            continue
        if span.type in ("location", "organization"):
            end = _body_end(sentence, span.end, word_at, word_ends)
            if end > span.end:
                span = Span(span.start, end, "organization", span.method)
        result.append(span)
    return result


def _body_end(sentence: str, position: int, word_at: dict[int, Word], word_ends: set[int]) -> int:
    """Where a body's name that continues at ``position`` ends (``position`` when it does not)."""
    end, nouns = position, 0
    while position < len(sentence):
        heads = BODY_HEADS + (COMPANY_HEADS if nouns else ())
        head = next((h for h in heads if sentence.startswith(h, position)
                     and (len(h) > 1 or position + 1 in word_ends)), None)
        if head:
            position = end = position + len(head)
            nouns = 0
            continue
        word = word_at.get(position)
        if word is None or nouns == 2 or not word.tag.startswith(_NAME_WORD_TAGS) or not _is_han(word.text):
            break
        position, nouns = word.end, nouns + 1
    return end


def spaced_name(name: str) -> str:
    """A transliterated name with its parts separated by spaces (*埃莫马利 拉赫蒙*), the form
    :func:`presslens.actors.resolution.short_name_targets` reads."""
    return re.sub(rf"[{_NAME_DOTS}]", " ", name)


def is_chinese_name(text: str) -> bool:
    """Whether ``text`` is written in Chinese characters alone (parts may be joined by a middle dot)."""
    return _is_han(re.sub(rf"[{_NAME_DOTS}\-－—]", "", text))


def _is_han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= char <= "\u9fff" for char in text)
