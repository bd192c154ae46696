"""Chinese: words as jieba segments them, traditional characters counted as simplified, sentences ended by 。！？.

A Chinese "word" is what a segmenter says it is. jieba (a prefix dictionary of about 350,000 words
with a hidden Markov model for words it does not know) was measured against the word boundaries of
People's Daily 1998 (``bench/languages.py``). A token keeps its surface as written; its ``lower`` and
``lemma`` forms are simplified characters (OpenCC ``t2s``), so that 經濟 and 经济 count as one word.
"""

from __future__ import annotations

import functools
import logging
import re


from presslens.languages.base import Language, news_stoplist, nltk_stopwords


#: The end of a sentence: 。！？ (or their ASCII forms, or …), with the closing quotes and brackets after it.
SENTENCE_END = re.compile(r"(?:[。！？!?]+|…{1,2})[”’」』）)\"'》]*")
#: Han characters, the letters of Chinese words (a "word" with none of them is a number, a Latin name…).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD_CHARACTER = re.compile(r"\w")
#: Numbers written with digits or Chinese numerals, alone or with a unit of count (*2024*, *三十*, *百分之五*).
_NUMBER = re.compile(r"^[\d.,%％〇零一二三四五六七八九十百千万亿两几第]+$")


class Chinese(Language):
    code = "zh"

    def sentence_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans, first = [], start
        for match in SENTENCE_END.finditer(text, start, end):
            if text[first:match.end()].strip():
                spans.append(_stripped(text, first, match.end()))
            first = match.end()
        if text[first:end].strip():
            spans.append(_stripped(text, first, end))
        return spans

    def words(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """jieba's words, found in the text's simplified form (its dictionary's) and returned as written."""
        written = text[start:end]
        read = simplified_in_place(written)
        return [(start + first, written[first:last]) for word, first, last in segmenter().tokenize(read)
                if _WORD_CHARACTER.search(word)]

    def count_words(self, text: str) -> int:
        return sum(1 for word in segmenter().cut(simplified_in_place(text)) if _WORD_CHARACTER.search(word))

    def lower(self, word: str) -> str:
        return simplified(word).lower()

    def is_number(self, lower: str) -> bool:
        return bool(_NUMBER.match(lower)) or super().is_number(lower)

    @functools.cached_property
    def stopwords(self) -> frozenset[str]:
        return nltk_stopwords("zh") | {simplified(word) for word in news_stoplist("zh")}


def starts_han(word: str) -> bool:
    """Whether ``word`` starts with a Han character (compared as strings: far faster than :data:`HAN` on the
    many words of a corpus)."""
    return "\u3400" <= word < "\ua000" or "\uf900" <= word < "\ufb00"


@functools.cache
def segmenter():
    """jieba's tokenizer with its dictionary loaded (once per process, quietly)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=200_000)
def simplified(text: str) -> str:
    """``text`` in simplified characters (traditional ones converted by OpenCC)."""
    return _converter().convert(text)


def simplified_in_place(text: str) -> str:
    """``text`` in simplified characters, character for character (offsets are kept): converted whole when
    that keeps its length (it almost always does), else one character at a time."""
    whole = simplified(text)
    if len(whole) == len(text):
        return whole
    return "".join(single if len(single := simplified(char)) == 1 else char for char in text)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: The syllables of Mandarin as pinyin writes them without tones (*ü* as *v*).
PINYIN_SYLLABLES = frozenset("""
a o e ai ei ao ou an en ang eng er
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun wa wai wan wang wei wen weng wo wu
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
""".split())


#: Spellings only pinyin has among the languages written in Latin letters that news names come from: a word of
#: syllables that hold none of them (*Malibu*, *Daiwa*, *Diageo*) reads as pinyin only by chance.
_PINYIN_MARKS = re.compile(r"ng|x|q|zh|ao|uo|iu|ui")


def pinyin_syllables(word: str) -> list[str]:
    """The syllables of ``word`` read as pinyin without tones (*Liangzhu*: liang, zhu; *Chang'e*: chang, e), or an
    empty list when it cannot be read as pinyin (*Sharif*, *Putin*)."""
    letters = word.lower().replace("ü", "v")
    if not letters or not letters.isascii():
        return []
    parts = [_syllables(part) for part in letters.split("'")]
    return [syllable for part in parts for syllable in part] if all(parts) else []


def looks_like_pinyin(word: str, *, min_syllables: int = 2) -> bool:
    """Whether ``word`` is at least ``min_syllables`` syllables of pinyin, one of them spelt as only pinyin spells."""
    syllables = pinyin_syllables(word)
    return len(syllables) >= min_syllables and any(_PINYIN_MARKS.search(syllable) for syllable in syllables)


@functools.lru_cache(maxsize=4096)
def _syllables(letters: str) -> tuple[str, ...]:
    """The fewest syllables that spell ``letters`` whole, () when none do."""
    best: tuple[str, ...] = ()
    for end in range(min(6, len(letters)), 0, -1):
        if letters[:end] not in PINYIN_SYLLABLES:
            continue
        rest = _syllables(letters[end:]) if end < len(letters) else ()
        if (rest or end == len(letters)) and (not best or len(rest) + 1 < len(best)):
            best = (letters[:end], *rest)
    return best
