"""Text normalisation for open-answer matching: typed replies to comparable tokens.

Contract: pure functions, no state besides constant tables. ``words(text)`` gives lower-case,
accent-free word stems with contractions expanded (``can't`` and ``cant`` both become ``can not``),
currency signs dropped, small number words turned into digits, chat shorthand (``u``, ``ur``,
``dont``, ``pls``) written out, irregular verb forms and common service phrasings (``pass you on``,
``right away``, ``free of charge``) mapped to one word, and function words removed, so a typed
``cant pay £40`` and an option's ``can't pay forty pounds`` share ``can not pay 40``.
``char_grams(words)`` gives the character 3-grams of each word with its boundaries, which is what
keeps one-letter typos close to the word they meant. ``TypoFixer`` maps a word that is not in a
known vocabulary to a known word one edit away (deletion neighbourhoods, as in SymSpell).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")

# Contractions typed with or without the apostrophe (chat users drop them).
_CONTRACTIONS = {
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not", "wont": "will not",
    "shan't": "shall not", "i'm": "i am", "im": "i am", "i'll": "i will", "ill": "i will", "i've": "i have",
    "ive": "i have", "i'd": "i would", "id": "i would", "you're": "you are", "youre": "you are",
    "you've": "you have", "youve": "you have", "you'll": "you will", "youll": "you will",
    "you'd": "you would", "we're": "we are", "we've": "we have", "weve": "we have", "we'll": "we will",
    "they're": "they are", "theyre": "they are", "they'll": "they will", "it's": "it is", "its": "it is",
    "that's": "that is", "thats": "that is", "there's": "there is", "theres": "there is",
    "what's": "what is", "whats": "what is", "let's": "let us", "lets": "let us", "he's": "he is",
    "hes": "he is", "she's": "she is", "shes": "she is", "he'll": "he will", "she'll": "she will",
    # negations typed without the apostrophe
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "shouldnt": "should not", "couldnt": "could not", "wouldnt": "would not", "aint": "is not",
    # chat shorthand
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "thx": "thanks", "ty": "thanks",
    "tmrw": "tomorrow", "tmr": "tomorrow", "2moro": "tomorrow", "cos": "because", "coz": "because",
    "cuz": "because", "bc": "because", "b4": "before", "wanna": "want to", "gonna": "going to",
    "gotta": "got to", "lemme": "let me", "gimme": "give me", "dunno": "do not know", "idk": "i do not know",
    "ppl": "people", "msg": "message", "txt": "text", "acct": "account", "mins": "minutes", "min": "minute",
    "hrs": "hours", "yeah": "yes", "yeh": "yes", "yep": "yes", "yup": "yes", "ya": "yes", "nope": "no",
    "nah": "no", "k": "ok", "thru": "through", "tho": "though",
}
# The endings of other contractions ("who'll", "we'd", "could've").
_CONTRACTION_TAILS = (("'ll", " will"), ("'ve", " have"), ("'re", " are"), ("'d", " would"), ("'m", " am"))
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "first": "1", "second": "2", "third": "3", "fourth": "4",
}
# Function words carry no meaning for telling options apart; negations and yes/no are kept.
_STOP_TEXT = (
    "a an the and or but of to in on at for from by with as is are was were be been being am it this that "
    "these those there here i me my we our us you your he him his she her they them their so just do does "
    "did have has had will would shall should could can may might must if then than too very really also "
    "what which who whom whose when where how okay ok oh well yes right sure"
)
STOPWORDS = frozenset(_STOP_TEXT.split())
_KEEP_SHORT = {"no", "not", "pin", "dd", "sim", "tv", "id"}


# Everyday synonyms in contact-centre talk, mapped to one word (phrases first, then words), so a
# reply need not use the option's exact word. General service vocabulary only, no scenario's facts.
_PHRASES = (
    ("team leader", "manager"), ("raise your voice", "shout"), ("raising your voice", "shout"),
    ("put you through", "transfer"), ("put through", "transfer"), ("pass you over", "transfer"),
    ("money back", "refund"), ("go up", "rise"), ("went up", "rise"), ("gone up", "rise"),
    ("date of birth", "dob"), ("birth date", "dob"), ("e-mail", "email"), ("on hold", "hold"),
    ("pass you on", "transfer"), ("pass you to", "transfer"), ("hand you over", "transfer"),
    ("connect you", "transfer"), ("send you through", "transfer"), ("line manager", "manager"),
    ("team lead", "manager"), ("someone senior", "manager"), ("look into", "investigate"),
    ("right away", "now"), ("straight away", "now"), ("right now", "now"), ("at once", "now"),
    ("post code", "postcode"), ("zip code", "postcode"), ("web site", "online"),
    ("free of charge", "free"), ("at no cost", "free"), ("no extra cost", "free"), ("no cost", "free"),
    ("no charge", "free"), ("give you a ring", "call"), ("give you a call", "call"),
    ("give you a bell", "call"), ("get back to you", "call back"), ("my word", "promise"),
    ("our bad", "mistake"), ("my bad", "mistake"), ("messed up", "mistake"), ("mess up", "mistake"),
    ("screwed up", "mistake"), ("slip up", "mistake"), ("bear with me", "wait"), ("hang on", "wait"),
    ("hold on", "wait"), ("one sec", "wait"), ("a sec", "wait"), ("one moment", "wait"),
    ("fed up", "angry"), ("get rid of", "off"),
)
_SYNONYMS = {
    "yell": "shout", "yelling": "shout", "scream": "shout", "screaming": "shout", "shouting": "shout",
    "supervisor": "manager", "boss": "manager", "assessor": "adjuster", "surveyor": "adjuster",
    "ring": "call", "phone": "call", "apologise": "sorry", "apologize": "sorry", "apology": "sorry",
    "apologies": "sorry", "invoice": "bill", "statement": "bill", "assist": "help", "quick": "fast",
    "quickly": "fast", "rapid": "fast", "funds": "money", "cash": "money", "reimburse": "refund",
    "recommend": "advise", "suggest": "advise", "cost": "price", "increase": "rise", "client": "customer",
    "telly": "tv", "television": "tv", "broadband": "internet", "web": "internet", "error": "mistake",
    "fault": "mistake", "hurry": "rush", "resolve": "fix", "sort": "fix", "birthday": "dob",
    "dollars": "dollar", "bucks": "dollar", "quid": "pound", "terminate": "cancel", "kids": "grandkids",
    "apologising": "sorry", "apologizing": "sorry", "apologised": "sorry", "apologized": "sorry",
    "guarantee": "promise", "guaranteed": "promise", "assure": "promise", "website": "online",
    "site": "online", "portal": "online", "app": "online", "immediately": "now", "asap": "now",
    "zip": "postcode", "mistaken": "mistake", "furious": "angry", "livid": "angry", "irate": "angry",
    "fuming": "angry", "remove": "off", "removed": "off", "removing": "off", "cancelled": "cancel",
    "cancelling": "cancel", "canceled": "cancel", "canceling": "cancel", "cell": "mobile",
    "cellphone": "mobile", "written": "writing", "verify": "check", "verification": "check",
    "verified": "check", "confirm": "check", "confirmed": "check",
    # irregular verb forms to their base (the stemmer only strips regular endings)
    "sent": "send", "paid": "pay", "told": "tell", "said": "say", "made": "make", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "got": "get", "gotten": "get", "went": "go",
    "gone": "go", "came": "come", "spoke": "speak", "spoken": "speak", "rang": "call", "rung": "call",
    "bought": "buy", "brought": "bring", "thought": "think", "found": "find", "kept": "keep",
    "lost": "lose", "knew": "know", "known": "know", "wrote": "write", "felt": "feel", "heard": "hear",
    "meant": "mean", "caught": "catch", "broke": "break", "broken": "break", "chose": "choose",
    "chosen": "choose", "ran": "run", "sat": "sit", "saw": "see", "seen": "see",
}


def normalise(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened, thousands separators dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    for phrase, word in _PHRASES:
        if phrase in text:
            text = re.sub(rf"\b{re.escape(phrase)}\b", word, text)
    return text


_VOWELS = frozenset("aeiouy")


def stem(word: str) -> str:
    """A light suffix stripper (plural, -ing, -ed, -ly) that also drops a final 'e' and undoes a
    doubled consonant, so 'charge'/'charges'/'charged'/'charging' and 'stop'/'stopped' meet."""
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix, replacement, min_len in (("ies", "y", 5), ("ied", "y", 5), ("ing", "", 6), ("edly", "", 7),
                                         ("ed", "", 5), ("ly", "", 6), ("es", "", 6), ("s", "", 4)):
        if word.endswith(suffix) and len(word) >= min_len and not word.endswith(("ss", "us", "is")):
            word = word[: len(word) - len(suffix)] + replacement
            if suffix in ("ing", "ed") and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz" \
                    and word[-1] not in _VOWELS:
                word = word[:-1]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") and not word.endswith("ee") else word


def raw_words(text: str) -> list[str]:
    """Words with contractions expanded and number words as digits (before stop-word removal)."""
    out: list[str] = []
    for token in _TOKEN.findall(normalise(text)):
        token = _CONTRACTIONS.get(token, token)
        if token.endswith("n't"):
            token = token[:-3] + " not"
        for tail, expansion in _CONTRACTION_TAILS:
            if token.endswith(tail):
                token = token[: -len(tail)] + expansion
                break
        token = token.removesuffix("'s").replace("'", "")
        out.extend(_SYNONYMS.get(part, _NUMBER_WORDS.get(part, part)) for part in token.split())
    return out


def words(text: str) -> list[str]:
    """Content-word stems of ``text`` in order (see the module docstring)."""
    return [stem(w) for w in raw_words(text)
            if w not in STOPWORDS and (len(w) > 1 or w.isdigit() or w in _KEEP_SHORT)]


def char_grams(tokens: Iterable[str], n: int = 3) -> list[str]:
    """Character ``n``-grams of each token padded with spaces (``"^no$"``-style boundaries)."""
    grams: list[str] = []
    for token in tokens:
        padded = f" {token} "
        grams.extend(padded[i:i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class TypoFixer:
    """Maps an unknown word to a vocabulary word one edit away (insert, delete, substitute, swap).

    Words of four letters or fewer and numbers are never changed (too many near neighbours).
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.vocabulary = frozenset(vocabulary)
        self._by_delete: dict[str, str] = {}
        for word in sorted(self.vocabulary):
            if len(word) > 4 and not word.isdigit():
                for variant in _deletes(word) | {word}:
                    self._by_delete.setdefault(variant, word)

    def fix(self, word: str) -> str:
        if word in self.vocabulary or len(word) <= 4 or word.isdigit():
            return word
        if word in self._by_delete:  # a letter too many
            return self._by_delete[word]
        for variant in _deletes(word):  # a letter missing, wrong or swapped
            if variant in self._by_delete:
                return self._by_delete[variant]
            if variant in self.vocabulary:
                return variant
        return word
