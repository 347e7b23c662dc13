"""Lexical matcher: BM25-style term saturation over titles, keywords and questions, scored as the share of the
question's information (IDF mass) that an entry explains.

Terms are diacritic-folded syllables and syllable bigrams (Vietnamese words are mostly two syllables, so the
bigram carries the word: ``can cuoc``, ``tam tru``). A term whose diacritics the citizen typed and which the
entry only knows with other diacritics (``bảo mật`` vs ``báo mất``) counts for less. Unknown syllables are
corrected with rapidfuzz (edit distance) or split (``cancuoc``) unless they have the shape of a Vietnamese
syllable (:func:`is_syllable`: "triệu" is no typo of "tiêu"), and whatever stays unknown lowers the
coverage, which is what lets the engine abstain on questions about something else.

Tolerance never turns one real word into another: in a question typed with diacritics, a word typed without
any (``ho`` in "làm sao hết ho nhanh") is that word, not a marked word of the base (``hộ``), so it counts as
an accent mismatch; and an entry is only a candidate when a whole content word of it reaches it exactly (not
through a typo correction nor a diacritics mismatch): :attr:`Scored.exact`. A whole word is a pair of
syllables the entry knows ("biển số", "tách hộ", "ngủ nhờ"), or one syllable only where the entry has it as a
keyword on its own; one everyday syllable of a longer word is not enough ("biển" in "đi biển" is not "biển
số", "riêng" in "sầu riêng" is not "hộ riêng", "nước" in "nước máy" is not "người nước ngoài").

The index is built at compile time (:func:`build_index`) and stored as plain JSON-ready data.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from anninh.faq.abbreviations import TOKENS
from anninh.faq.normalize import Token, tokenize, words

# Function words and chat fillers (folded). They neither count for nor against an entry as unigrams.
FILLER_PHRASES: frozenset[str] = frozenset(["thu tuc"])  # "giấy tờ" stays: "mất giấy tờ" names an entry
STOPWORDS: frozenset[str] = frozenset(["thu tuc", "giay to"]) | frozenset(
    [
        "a",
        "ah",
        "ak",
        "ac",
        "anh",
        "chi",
        "em",
        "toi",
        "minh",
        "ban",
        "bn",
        "ta",
        "may",
        "mn",
        "moi",
        "nguoi",
        "oi",
        "nhe",
        "nha",
        "nhi",
        "ha",
        "hen",
        "vay",
        "va",
        "voi",
        "cua",
        "cho",
        "hoi",
        "xin",
        "vui",
        "long",
        "giup",
        "gium",
        "dum",
        "thi",
        "la",
        "co",
        "mn",
        "khong",
        "ko",
        "k",
        "duoc",
        "phai",
        "gi",
        "j",
        "sao",
        "nao",
        "the",
        "nhu",
        "o",
        "dau",
        "bao",
        "nhieu",
        "lau",
        "gio",
        "nhung",
        "cac",
        "mot",
        "nhieu",
        "it",
        "da",
        "dang",
        "se",
        "roi",
        "nay",
        "do",
        "kia",
        "ay",
        "vi",
        "tai",
        "ra",
        "vao",
        "len",
        "xuong",
        "de",
        "khi",
        "neu",
        "ma",
        "hay",
        "hoac",
        "ve",
        "cung",
        "rat",
        "qua",
        "luon",
        "van",
        "con",
        "nua",
        "muon",
        "roi",
        "biet",
        "cach",
        "viec",
        "can",
        "ai",
        "minh",
        "oi",
        "thua",
        "day",
        "ne",
        "nhe",
        "a",
        "u",
        "uh",
        "um",
        "ok",
        "duoc",
        "khong",
        "vay",
        "z",
        "v",
        "r",
        "cx",
        "trc",
        "e",
        "t",
        "b",
        "ad",
        "admin",
        "shop",
        "alo",
        "thu",
        "tuc",
        "lam",
        "sao",
        "nhu",
        "the",
        "nao",
        "the",
        "nao",
        "ntn",
    ]
) - {"gia", "thu", "tuc", "lam", "can", "moi", "nguoi", "dang", "ban", "ra", "vao", "len", "ve", "qua", "con"}

FIELD_WEIGHTS = {"title": 3.0, "keyword": 2.0, "question": 1.0}
SATURATION = 1.0  # strength = weighted_tf / (weighted_tf + SATURATION)
ACCENT_MISMATCH = 0.45  # factor when the typed diacritics differ from every form the entry knows
FUZZY_FACTOR = 0.85  # factor for a term reached through a typo correction
QUESTION_BIGRAM_FACTOR = 0.5  # bigrams only seen in example questions may be chance neighbours
TITLE_WEIGHT = 0.15  # share of the score given to how much of the entry's title the question names
UNTITLED_COVERAGE = 0.5  # title coverage assumed for out-of-scope classes (they have no title)
UNKNOWN_WEIGHT = 1.0  # share of the top IDF that an alien (unknown) syllable weighs
KNOWN_UNINDEXED_WEIGHT = 0.6  # share for a Vietnamese word we know from the answers but never index
SUBJECT_MISSING = (
    0.6  # factor for an entry whose subject (a person, a document, "a + b") the question never names
)
EXACT_MIN_IDF = 0.4  # share of the top IDF a term needs to vouch for an entry (not "làm", "xin")


@dataclass
class Index:
    """Inverted index over classes (knowledge-base entries first, then out-of-scope classes).

    ``postings[term] = (class ids, strengths, accent forms per class)`` as parallel lists, kept exactly as
    JSON decodes them so that loading costs no conversion.
    """

    classes: list[str]
    n_entries: int  # classes[:n_entries] are real entries, the rest out-of-scope classes
    idf: dict[str, float]
    postings: dict[str, tuple[list[int], list[float], list[list[str]]]]
    lexicon: frozenset[str]  # every folded syllable of the base (incl. answers), never "corrected"
    idf_max: float
    vocab: list[str] = field(default_factory=list)  # indexed unigrams (typo-correction targets)
    title_classes: dict[str, list[int]] = field(default_factory=dict)  # term -> classes whose title has it
    title_mass: list[float] = field(default_factory=list)  # IDF mass of each class's title (0: no title)
    pairs: dict[str, list[str]] = field(default_factory=dict)  # unigram -> the bigrams it is part of
    pair_best: dict[str, dict[int, float]] = field(default_factory=dict)  # cache of _bound's bigram strengths
    subjects: dict[int, list[str]] = field(default_factory=dict)  # class -> folded phrases, one must be named
    single: dict[str, frozenset[int]] = field(default_factory=dict)  # one-syllable keyword -> its entries
    # subjects as tests, built on first use: (one search for the one-part phrases, the parts of the others)
    subject_tests: dict[int, tuple[re.Pattern[str] | None, tuple[tuple[str, ...], ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": self.classes,
            "n_entries": self.n_entries,
            "idf_max": round(self.idf_max, 6),
            "lexicon": sorted(self.lexicon),
            "title_classes": {t: c for t, c in sorted(self.title_classes.items())},
            "title_mass": [round(m, 6) for m in self.title_mass],
            "subjects": {str(ci): phrases for ci, phrases in sorted(self.subjects.items())},
            "single": {t: sorted(cs) for t, cs in sorted(self.single.items())},
            "terms": {
                term: [round(self.idf[term], 6), cs, [round(x, 6) for x in ss], accs]
                for term, (cs, ss, accs) in sorted(self.postings.items())
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Index:
        idf: dict[str, float] = {}
        postings: dict[str, tuple[list[int], list[float], list[list[str]]]] = {}
        for term, (term_idf, cs, ss, accs) in data["terms"].items():
            idf[term] = term_idf
            postings[term] = (cs, ss, accs)
        vocab = sorted(t for t in postings if " " not in t)
        return cls(
            list(data["classes"]),
            int(data["n_entries"]),
            idf,
            postings,
            frozenset(data["lexicon"]),
            float(data["idf_max"]),
            vocab,
            dict(data["title_classes"]),
            list(data["title_mass"]),
            _pairs_by_word(postings),
            subjects={int(ci): list(p) for ci, p in data.get("subjects", {}).items()},
            single={t: frozenset(cs) for t, cs in data.get("single", {}).items()},
        )


Postings = dict[str, tuple[list[int], list[float], list[list[str]]]]


def _pairs_by_word(postings: Postings) -> dict[str, list[str]]:
    """Each unigram's indexed bigrams."""
    pairs: dict[str, list[str]] = defaultdict(list)
    for term in postings:
        if " " in term:
            left, right = term.split(" ", 1)
            pairs[left].append(term)
            pairs[right].append(term)
    return dict(pairs)


@dataclass(frozen=True)
class ClassDoc:
    """Text of one class for indexing."""

    class_id: str
    title: str
    keywords: Sequence[str]
    questions: Sequence[str]
    subject: Sequence[str] = ()


def _terms(tokens: Sequence[Token], all_bigrams: bool = True) -> list[tuple[str, str | None]]:
    """(term, accent key) pairs: content unigrams and adjacent bigrams.

    Bigrams with a function word (``thu hồi`` folds to ``thu hoi`` and ``hoi`` is also "hỏi") are only indexed
    from titles and keywords, where they are real words; questions index content-word bigrams only. A question
    being matched forms every bigram: those the index does not know are ignored.
    """
    out: list[tuple[str, str | None]] = []
    # The syllables of a filler phrase ("làm thủ tục gì") are no evidence either: "thủ" and "tục"
    # would otherwise lean to whichever entry's examples happen to say "thủ tục".
    filler = {
        i + k
        for i, (left, right) in enumerate(itertools.pairwise(tokens))
        if f"{left.folded} {right.folded}" in FILLER_PHRASES
        for k in (0, 1)
    }
    for i, tok in enumerate(tokens):
        if tok.folded not in STOPWORDS and not tok.folded.isdigit() and i not in filler:
            out.append((tok.folded, tok.accent))
    for i, (left, right) in enumerate(itertools.pairwise(tokens)):
        if i in filler or i + 1 in filler:
            continue
        if not all_bigrams and (left.folded in STOPWORDS or right.folded in STOPWORDS):
            continue
        accent = f"{left.accent} {right.accent}" if left.accent and right.accent else None
        out.append((f"{left.folded} {right.folded}", accent))
    return out


def build_index(docs: Sequence[ClassDoc], n_entries: int, extra_text: Iterable[str] = ()) -> Index:
    weights: list[dict[str, float]] = []
    accents: list[dict[str, set[str]]] = []
    lexicon: set[str] = set(STOPWORDS)
    lexical: set[str] = set()  # bigrams seen in a title or keyword: real words, not chance neighbours
    single: dict[str, set[int]] = defaultdict(set)  # a title or keyword that is one syllable: a whole word
    for ci, doc in enumerate(docs):
        wtf: dict[str, float] = defaultdict(float)
        acc: dict[str, set[str]] = defaultdict(set)
        fields = [("title", doc.title)] + [("keyword", k) for k in doc.keywords]
        fields += [("question", q) for q in doc.questions]
        for field_name, text in fields:
            tokens = tokenize(text)
            lexicon.update(t.folded for t in tokens)
            for term, accent in _terms(tokens, all_bigrams=field_name != "question"):
                wtf[term] += FIELD_WEIGHTS[field_name]
                if field_name != "question" and " " in term:
                    lexical.add(term)
                if field_name != "question" and len(tokens) == 1:
                    single[term].add(ci)
                if accent:
                    acc[term].add(accent)
        weights.append(wtf)
        accents.append(acc)
    for text in extra_text:
        lexicon.update(t.folded for t in tokenize(text))
    n = len(docs)
    df: dict[str, int] = defaultdict(int)
    for wtf in weights:
        for term in wtf:
            df[term] += 1
    idf = {term: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for term, d in df.items()}
    for term in idf:
        if " " in term and term not in lexical:
            idf[term] *= QUESTION_BIGRAM_FACTOR
    postings: dict[str, tuple[list[int], list[float], list[list[str]]]] = {}
    for ci, wtf in enumerate(weights):
        for term, w in wtf.items():
            cs, ss, accs = postings.setdefault(term, ([], [], []))
            cs.append(ci)
            ss.append(w / (w + SATURATION))
            accs.append(sorted(accents[ci].get(term, ())))
    idf_max = math.log(1.0 + (n - 0.5) / 1.5)  # the IDF of a term only one class knows
    vocab = sorted(t for t in postings if " " not in t)
    title_classes: dict[str, list[int]] = defaultdict(list)
    title_mass: list[float] = []
    for ci, doc in enumerate(docs):
        terms = sorted({t for t, _ in _terms(tokenize(doc.title))} & set(postings))
        for t in terms:
            title_classes[t].append(ci)
        title_mass.append(sum(idf[t] for t in terms))
    subjects = {  # "hộ chiếu + mất": every part named, anywhere in the question
        ci: sorted(
            {
                "+".join(" ".join(t.folded for t in tokenize(part)) for part in p.split("+"))
                for p in doc.subject
            }
        )
        for ci, doc in enumerate(docs)
        if doc.subject
    }
    return Index(
        [d.class_id for d in docs],
        n_entries,
        idf,
        postings,
        frozenset(lexicon),
        idf_max,
        vocab,
        dict(title_classes),
        title_mass,
        subjects=subjects,
        single={t: frozenset(cs) for t, cs in single.items() if t in postings},
    )


@dataclass(frozen=True)
class Scored:
    """Scores of one question: coverage per class and what was unknown."""

    scores: dict[int, float]
    unknown_share: float  # share of the question's weight nobody in the base explains
    total_weight: float
    exact: frozenset[int] = frozenset()  # classes reached by a whole content word typed exactly (see module)


# A Vietnamese syllable, diacritics folded: onset, vowels, final consonant. A word of this shape is a word,
# however few of them the base knows ("triệu" is not a typo of "tiêu", "tiếng" not one of "riêng"), so it is
# never "corrected" into another; what is left to correct are shapes no Vietnamese syllable has ("thuog",
# "tamm", "vieen", Telex leftovers such as "chays").
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
_VOWELS = (
    "oai|oay|oao|oeo|uoi|uou|ieu|yeu|uya|uyu|uye|"
    "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|"
    "a|e|i|o|u|y"
)
_SYLLABLE_RE = re.compile(f"^{_ONSET}(?:{_VOWELS})(?:ng|nh|ch|[cmnpt])?$")


def is_syllable(word: str) -> bool:
    """Whether a folded word has the shape of a Vietnamese syllable."""
    return _SYLLABLE_RE.match(word) is not None


def _correct(tokens: list[Token], index: Index) -> tuple[list[Token], list[bool]]:
    """Fix typos and run-together syllables; return tokens and whether each one was corrected."""
    out: list[Token] = []
    fixed: list[bool] = []
    for tok in tokens:
        word = tok.folded
        if word in index.postings or word in index.lexicon or word.isdigit() or len(word) < 4:
            out.append(tok)
            fixed.append(False)
            continue
        split = None
        for cut in range(2, len(word) - 1):
            left, right = word[:cut], word[cut:]
            if f"{left} {right}" in index.postings:
                split = (left, right)
                break
        if split is not None:
            out.extend(Token(part, None) for part in split)
            fixed.extend([False, False])
            continue
        limit = 1 if len(word) < 8 else 2
        best = None
        if not is_syllable(word):
            best = process.extractOne(word, index.vocab, scorer=Levenshtein.distance, score_cutoff=limit)
        if best is not None and len(word) >= 5:
            out.append(Token(best[0], None))
            fixed.append(True)
        else:
            out.append(tok)
            fixed.append(False)
    return out, fixed


def _plain_typed(question: str, tokens: list[Token]) -> list[Token]:
    """In a question typed with diacritics, words typed without any keep that (empty) marking."""
    typed = words(question)
    alpha = [w for w in typed if w.isalpha()]
    if all(w.isascii() for w in alpha):  # typed without diacritics at all: any reading may be meant
        return tokens
    plain = {w for w in alpha if w.isascii() and w not in TOKENS}
    return [Token(t.folded, t.folded) if t.accent is None and t.folded in plain else t for t in tokens]


def _in_known_pairs(present: set[str], index: Index) -> set[str]:
    """The words of the question's bigrams that the base knows (what :func:`_bound` asks of each term)."""
    return {word for pair in present if pair in index.postings for word in pair.split()}


def _bound(term: str, accent: str | None, index: Index, paired: set[str]) -> bool:
    """A unigram the base only knows inside bigrams (with the diacritics typed), none of them in the question:
    "chữa" in "cách chữa mất ngủ" is not the "chữa" of "chữa cháy", "ho" is not the "hộ" of "hộ chiếu".
    ``paired``: :func:`_in_known_pairs` of the question."""
    if " " in term or term in paired:
        return False
    best = index.pair_best.get(term)
    if best is None:  # strongest bigram per class, computed once per unigram and kept
        best = {}
        for bigram in index.pairs.get(term, ()):
            for ci, s in zip(index.postings[bigram][0], index.postings[bigram][1], strict=True):
                best[ci] = max(best.get(ci, 0.0), s)
        index.pair_best[term] = best
    if not best:
        return False
    cs, ss, accs = index.postings[term]
    rows = zip(cs, ss, accs, strict=True)
    mine = {ci: s for ci, s, forms in rows if accent is None or not forms or accent in forms}
    return bool(mine) and all(best.get(ci, -1.0) >= s - 1e-9 for ci, s in mine.items())


def _subject_tests(index: Index) -> dict[int, tuple[re.Pattern[str] | None, tuple[tuple[str, ...], ...]]]:
    """Each entry's subject phrases as one search over the one-part phrases and the parts of the others
    (" a " with spaces: whole words), built once per index."""
    if not index.subject_tests:
        for ci, phrases in index.subjects.items():
            one = [f" {p} " for p in phrases if "+" not in p]
            several = tuple(tuple(f" {part} " for part in p.split("+")) for p in phrases if "+" in p)
            pattern = re.compile("|".join(re.escape(w) for w in one)) if one else None
            index.subject_tests[ci] = (pattern, several)
    return index.subject_tests


def score(question: str, index: Index) -> Scored:
    tokens, fixed = _correct(_plain_typed(question, tokenize(question)), index)
    fixed_words = {t.folded for t, f in zip(tokens, fixed, strict=True) if f}
    pairs = {f"{a.folded} {b.folded}" for a, b in itertools.pairwise(tokens)}
    paired = _in_known_pairs(pairs, index)
    scores: dict[int, float] = defaultdict(float)
    title_hit: dict[int, float] = defaultdict(float)
    total = 0.0
    unknown = 0.0
    seen: set[str] = set()
    exact: set[int] = set()
    for term, accent in _terms(tokens):
        if term in seen or term in STOPWORDS:
            continue
        seen.add(term)
        plist = index.postings.get(term)
        if plist is None:
            if " " in term:
                continue  # an unseen pair of known words is no evidence either way
            weight = index.idf_max * (KNOWN_UNINDEXED_WEIGHT if term in index.lexicon else UNKNOWN_WEIGHT)
            total += weight
            unknown += weight
            continue
        weight = index.idf[term]
        total += weight
        if any(part in fixed_words for part in term.split()):
            weight *= FUZZY_FACTOR
        cs, ss, accs = plist
        fuzzy = any(part in fixed_words for part in term.split())
        # A term vouches for an entry when it is rare enough and, for a unigram bound to one bigram
        # ("chữa" of "chữa cháy"), when that bigram is in the question too.
        vouches = index.idf[term] >= EXACT_MIN_IDF * index.idf_max
        bound = _bound(term, accent, index, paired)
        vouches = vouches and not bound
        if bound:
            weight *= ACCENT_MISMATCH
        fuzzy = fuzzy or not vouches
        # A pair of syllables is a whole word; one syllable only for the entries that have it as a keyword.
        whole = cs if " " in term else index.single.get(term, ())
        if accent is None:
            for ci, s in zip(cs, ss, strict=True):
                scores[ci] += weight * s
            if not fuzzy:
                exact.update(whole)
        else:
            for ci, s, forms in zip(cs, ss, accs, strict=True):
                mismatch = bool(forms) and accent not in forms
                scores[ci] += weight * (s * ACCENT_MISMATCH if mismatch else s)
                if not (fuzzy or mismatch) and ci in whole:
                    exact.add(ci)
        for ci in index.title_classes.get(term, ()):
            title_hit[ci] += index.idf[term]
    if total > 0:
        for ci, raw in scores.items():
            mass = index.title_mass[ci]
            title_cov = title_hit.get(ci, 0.0) / mass if mass else UNTITLED_COVERAGE
            scores[ci] = raw / total * (1.0 - TITLE_WEIGHT + TITLE_WEIGHT * title_cov)
        if index.subjects:  # a few entries have one: looked at once each, not once per class scored
            named = f" {' '.join(t.folded for t in tokens)} "
            for ci, (one_part, several) in _subject_tests(index).items():
                if ci not in scores:
                    continue
                if one_part is not None and one_part.search(named):
                    continue
                if not any(all(part in named for part in parts) for parts in several):
                    scores[ci] *= SUBJECT_MISSING
    return Scored(dict(scores), unknown / total if total else 1.0, total, frozenset(exact))
