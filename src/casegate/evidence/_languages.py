"""The language a log's sample was asked in, read when the log is read (`DerivedRun.languages`).

A sample's language is what its metadata states (Inspect's `metadata.language`, `lang` or
`locale`; the generic format's row `language`) where the text it asked does not contradict it, else
what that text shows: a script only one listed language is written in (Hangul, kana, Thai, Greek,
Ethiopic, ...), or English read from its function words. A stated language the text contradicts (a
prompt in Latin letters tagged Japanese, an English prompt tagged Swahili) is kept as `!` and the
stated code: the sample was not asked in it. Languages are ISO 639-1 codes; a release's language
names are read to codes by `language_code`.
"""

from __future__ import annotations

import re
from typing import Any

_LANGUAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    # code: (script the language is written in, names it goes by); "" for Latin
    "en": ("", ("english",)), "fr": ("", ("french", "français", "francais")), "de": ("", ("german", "deutsch")),
    "es": ("", ("spanish", "español", "espanol", "castilian")), "pt": ("", ("portuguese", "português")),
    "it": ("", ("italian", "italiano")), "nl": ("", ("dutch", "flemish", "nederlands")),
    "pl": ("", ("polish", "polski")), "cs": ("", ("czech",)), "sk": ("", ("slovak",)), "sl": ("", ("slovenian",)),
    "hr": ("", ("croatian",)), "bs": ("", ("bosnian",)), "ro": ("", ("romanian",)), "hu": ("", ("hungarian",)),
    "sv": ("", ("swedish",)), "da": ("", ("danish",)), "no": ("", ("norwegian", "bokmål", "bokmal")),
    "fi": ("", ("finnish",)), "et": ("", ("estonian",)), "lv": ("", ("latvian",)),
    "lt": ("", ("lithuanian",)), "is": ("", ("icelandic",)), "ga": ("", ("irish",)), "cy": ("", ("welsh",)),
    "ca": ("", ("catalan",)), "eu": ("", ("basque",)), "gl": ("", ("galician",)), "mt": ("", ("maltese",)),
    "sq": ("", ("albanian",)), "tr": ("", ("turkish",)), "az": ("", ("azerbaijani",)), "uz": ("", ("uzbek",)),
    "vi": ("", ("vietnamese",)), "id": ("", ("indonesian", "bahasa indonesia")), "ms": ("", ("malay",)),
    "tl": ("", ("tagalog", "filipino")), "jv": ("", ("javanese",)), "sw": ("", ("swahili", "kiswahili")),
    "yo": ("", ("yoruba",)), "ha": ("", ("hausa",)), "ig": ("", ("igbo",)), "zu": ("", ("zulu", "isizulu")),
    "xh": ("", ("xhosa",)), "so": ("", ("somali",)), "rw": ("", ("kinyarwanda",)), "mg": ("", ("malagasy",)),
    "ny": ("", ("chichewa", "nyanja")), "sn": ("", ("shona",)), "af": ("", ("afrikaans",)),
    "qu": ("", ("quechua",)), "ht": ("", ("haitian creole",)),
    "ru": ("Cyrillic", ("russian",)), "uk": ("Cyrillic", ("ukrainian",)), "bg": ("Cyrillic", ("bulgarian",)),
    "be": ("Cyrillic", ("belarusian",)), "mk": ("Cyrillic", ("macedonian",)), "kk": ("Cyrillic", ("kazakh",)),
    "ky": ("Cyrillic", ("kyrgyz",)), "mn": ("Cyrillic", ("mongolian",)), "tg": ("Cyrillic", ("tajik",)),
    "el": ("Greek", ("greek",)), "hy": ("Armenian", ("armenian",)), "ka": ("Georgian", ("georgian",)),
    "he": ("Hebrew", ("hebrew",)), "ar": ("Arabic", ("arabic",)), "fa": ("Arabic", ("persian", "farsi")),
    "ur": ("Arabic", ("urdu",)), "ps": ("Arabic", ("pashto",)),
    "hi": ("Devanagari", ("hindi",)), "mr": ("Devanagari", ("marathi",)), "ne": ("Devanagari", ("nepali",)),
    "bn": ("Bengali", ("bengali", "bangla")), "pa": ("Gurmukhi", ("punjabi",)), "gu": ("Gujarati", ("gujarati",)),
    "or": ("Oriya", ("odia", "oriya")), "ta": ("Tamil", ("tamil",)), "te": ("Telugu", ("telugu",)),
    "kn": ("Kannada", ("kannada",)), "ml": ("Malayalam", ("malayalam",)), "si": ("Sinhala", ("sinhala",)),
    "th": ("Thai", ("thai",)), "lo": ("Lao", ("lao",)), "my": ("Myanmar", ("burmese", "myanmar")),
    "km": ("Khmer", ("khmer",)), "am": ("Ethiopic", ("amharic",)), "ti": ("Ethiopic", ("tigrinya",)),
    "ko": ("Hangul", ("korean",)), "ja": ("Japanese", ("japanese",)),
    "zh": ("Han", ("chinese", "mandarin", "cantonese")),
}
"""The languages casegate knows by name and script (Serbian, written in two, is known by code alone)."""

_BY_NAME = {n: code for code, (_, names) in _LANGUAGES.items() for n in names}
_ALIASES = {"nb": "no", "nn": "no", "fil": "tl", "iw": "he", "in": "id", "sr": "sr", "zh-hans": "zh", "zh-hant": "zh"}

_BLOCKS = ((0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic"), (0x0530, 0x058F, "Armenian"),
           (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"),
           (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
           (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Oriya"), (0x0B80, 0x0BFF, "Tamil"),
           (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"),
           (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"),
           (0x1000, 0x109F, "Myanmar"), (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"),
           (0x1200, 0x139F, "Ethiopic"), (0x1780, 0x17FF, "Khmer"), (0x3040, 0x30FF, "Kana"),
           (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"), (0xAC00, 0xD7AF, "Hangul"))

_ONLY_IN = {script: codes[0] for script, codes in
            ((s, [c for c, (w, _) in _LANGUAGES.items() if w == s]) for s in {w for w, _ in _LANGUAGES.values()})
            if len(codes) == 1}
"""A script only one known language is written in -> that language (kana -> Japanese, Hangul -> Korean)."""
_ONLY_IN["Kana"] = "ja"

_ENGLISH = frozenset(("the", "and", "of", "you", "your", "how", "what", "with", "that", "this", "are", "can",
                      "from", "it", "be", "will", "would", "should", "which", "please", "tell", "give", "into",
                      "step", "steps", "make", "using", "there", "where", "when", "could", "about"))
"""Words frequent in English and not words of another Latin-script language casegate knows (`to`
is Polish and Czech, `for` Danish, `in` and `is` Dutch and German)."""
_WORD = re.compile(r"[^\W\d_]+")
TEXT_READ = 4000
"""Characters of a sample's text read for its language."""


def language_code(name: str) -> str:
    """`name` (a code such as `pt-BR`, or a name such as `Portuguese`) as its ISO 639-1 code where
    casegate knows it, else as written, lowercased."""
    n = " ".join(str(name).strip().lower().replace("_", "-").split())
    if n in _LANGUAGES:
        return n
    if n in _ALIASES:
        return _ALIASES[n]
    if n in _BY_NAME:
        return _BY_NAME[n]
    head = n.split("-")[0].split(" (")[0].strip()
    return _ALIASES.get(head, head) if head in _LANGUAGES or head in _ALIASES else _BY_NAME.get(head, n)


def _script(ch: str) -> str | None:
    o = ord(ch)
    for lo, hi, s in _BLOCKS:
        if lo <= o <= hi:
            return s
    return "Latin" if ch.isalpha() and o < 0x0250 else None


def _scripts(text: str) -> dict[str, int]:
    """Letters of `text` by script."""
    if text.isascii():
        n = sum(map(str.isalpha, text))
        return {"Latin": n} if n else {}
    got: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            s = _script(ch)
            if s is not None:
                got[s] = got.get(s, 0) + 1
    return got


def _reads_english(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    hits = sum(1 for w in words if w in _ENGLISH)
    return hits >= 3 and hits * 6 >= len(words)


def _written_in(code: str, scripts: dict[str, int], text: str) -> bool:
    """Whether text of these scripts can be `code` (its own script holds most of its letters)."""
    total = sum(scripts.values())
    want = _LANGUAGES[code][0] if code in _LANGUAGES else None
    if want is None:
        return True  # a language casegate does not know: its script is not judged
    if want == "":
        return scripts.get("Latin", 0) * 2 > total and (code == "en" or not _reads_english(text))
    own = scripts.get("Kana", 0) + scripts.get("Han", 0) if want == "Japanese" else scripts.get(want, 0)
    return own * 2 > total


def sample_language(stated: Any, text: str | None) -> str | None:
    """The language of one sample (see the module): its stated code where its text does not
    contradict it, `!` and the stated code where it does, what the text shows where nothing is
    stated, `und` where the text shows no language casegate can name, None with neither."""
    text = text[:TEXT_READ] if isinstance(text, str) else None
    scripts = _scripts(text) if text else {}
    code = language_code(stated) if isinstance(stated, str) and stated.strip() else None
    if code is not None:
        return code if not scripts or _written_in(code, scripts, text or "") else f"!{code}"
    if not scripts:
        return None
    top = max(scripts, key=lambda s: scripts[s])
    if top == "Han" and scripts.get("Kana"):
        top = "Kana"
    if top == "Latin":
        return "en" if _reads_english(text or "") else "und"
    return _ONLY_IN.get(top, "und")


def stated_language(metadata: Any) -> Any:
    """The language a sample's metadata states (`language`, `lang` or `locale`), or None."""
    if not isinstance(metadata, dict):
        return None
    for key in ("language", "lang", "locale"):
        v = metadata.get(key)
        if isinstance(v, str) and v.strip():
            return v
    return None


def text_of(value: Any) -> str | None:
    """A sample's input as text: a string, or the texts of its users' chat messages (role, text
    pairs, or message objects) joined; None where it holds none."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for m in value:
            role, t = (m[0], m[1]) if isinstance(m, (list, tuple)) and len(m) > 1 else \
                (getattr(m, "role", None), getattr(m, "text", None))
            if isinstance(t, str) and role in ("user", None, ""):  # the harness's system prompt is not the attack
                parts.append(t)
        return "\n".join(parts) or None
    return None
