"""name-variant: a name spelt once or twice one slip away from a more frequent spelling of it.

"Mille" once where the article says "Milley" four times is a typo; "Russian" beside "Russia",
"Trumps" beside "Trump", "Centre" beside "Center" or "Iran" beside "Iraq" are not.  The kind
compares the capitalised words of the article (Analysis.proper_nouns) that share their first
letter and lie one edit apart (a letter inserted, dropped, changed, or two neighbours swapped;
two edits for long names), and flags the rarer spelling when

- the frequent spelling is a name (capitalised mid-sentence somewhere) used clearly more often,
- the rare one is not a common English word and never appears in lower case in the article,
- the two are not inflections of one stem (Russia, Russian; Israel, Israeli; Marxist, Marxism),
  a British and an American spelling (Labour, Labor) or two transliterations (Zelenskiy,
  Zelensky: the house-spelling kind settles those),
- and the rare one is not part of another person's name ("Stephen Miller" beside "Mark Milley").

Articles that are not in English are skipped: German capitalises every noun and Slavic names
decline, so neither yields slips.  Candidates are compared only within a first letter and a
length band, so the cost stays linear in the article's distinct capitalised words.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, NamedTuple

from ..analysis import Analysis, Mention
from ..findings import Edit, Hit
from ..lexicon import ESTABLISHED, UNSEEN, established_apart, zipf
from ..memo import kept
from ..patterns import compile_pattern
from . import Kind, RuleError, string_list

_LETTERS = compile_pattern(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_LETTER = compile_pattern(r"[^\W\d_]")

# Endings that turn one word into another of the same stem (Russia, Russian; Israel, Israeli;
# Marxist, Marxism), on top of a plural -s.  A dropped last letter that is one of these is lost.
_ALTERNATIONS = (
    ("", "i"), ("", "ic"), ("", "ese"), ("a", "an"), ("a", "ian"), ("a", "ese"), ("e", "ean"),
    ("ist", "ism"),
)
# Endings in s that are no plural: Fortress, Lexus (but Israelis and Nazis are).
_NOT_PLURAL = ("ss", "us")
# British and American spellings of one word, folded to one form.
_SPELLING_FOLDS = tuple(
    (compile_pattern(pattern), replacement)
    for pattern, replacement in (
        (r"our", "or"),
        (r"(?<=[^aeiou])re$", "er"),
        (r"is(?=e$|es$|ed$|ing$|ation)", "iz"),
        (r"yse$", "yze"),
        (r"ence$", "ense"),
        (r"ogue$", "og"),
        (r"amme$", "am"),
        (r"ae", "e"),
        (r"ll(?=ed$|ing$|er$|ers$|or$|ors$)", "l"),
        (r"inium$", "inum"),
        # Transliterations of one Slavic name: Zelenskiy, Zelenskyy, Zelensky; Dmitriy, Dmitry.
        (r"(?:iy|yy|ij|ii)$", "y"),
    )
)


# Kept between checks: every check of an article (an editor's every keystroke) compares the same
# pairs of spellings again.
@kept(maxsize=1 << 13)
def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits from a to b (insert, delete, substitute, swap neighbours), or limit + 1 when more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if _one_edit(a, b):
        return 0 if a == b else 1
    return _osa_distance(a, b, limit) if limit > 1 else limit + 1


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    if a[i + 1:] == b[i + 1:]:
        return True
    return a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i + 1:i - 1 if i else None:-1]


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters), given
    up once a whole row exceeds `limit`; the shared head and tail are cut off first."""
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    a, b = a[head:], b[head:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)


@lru_cache(maxsize=4096)
def _singulars(word: str) -> tuple[str, ...]:
    word = word.lower()
    if len(word) > 4 and word.endswith("s") and not word.endswith(_NOT_PLURAL):
        return (word, word[:-1])
    return (word,)


@kept(maxsize=1 << 12)
def are_inflections(a: str, b: str) -> bool:
    """Whether a and b are one stem with different endings: Trump, Trumps; Russia, Russians."""
    one, other = sorted((a.lower(), b.lower()), key=len)
    if other in (one + "s", one + "es"):
        return True  # a plural of the other spelling itself, even in -us: the Trudeaus
    for one in _singulars(a):
        for other in _singulars(b):
            if one == other:
                return True
            for first, second in _ALTERNATIONS:
                for x, y in ((one, other), (other, one)):
                    if x.endswith(first) and y.endswith(second):
                        stem = x[: len(x) - len(first)]
                        if len(stem) >= 3 and stem == y[: len(y) - len(second)]:
                            return True
    return False


@kept(maxsize=1 << 12)
def fold_spelling(word: str) -> str:
    word = word.lower()
    for pattern, replacement in _SPELLING_FOLDS:
        word = pattern.sub(replacement, word)
    return word


# Inflections of a common word: (ending, what the bare word ends with instead).
_WORD_ENDINGS = (
    ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("er", ""), ("ly", ""),
)


@kept(maxsize=1 << 12)
def is_common_word(word: str) -> bool:
    """A frequent English word, or a plain inflection of one."""
    word = word.lower()
    if word in COMMON_WORDS:
        return True
    return any(
        word.endswith(ending) and word[: -len(ending)] + restore in COMMON_WORDS for ending, restore in _WORD_ENDINGS
    )


class Variant(NamedTuple):
    spelling: str
    name: str  # the frequent spelling it is taken for
    fixable: bool = True  # False when the rare spelling is the established one: ask, do not rewrite


def _capitals(word: str) -> int:
    return sum(1 for char in word if char.isupper())


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


class NameVariant(Kind):
    name = "name-variant"
    placeholders = frozenset({"advice", "count", "name", "name_times", "variant", "variant_times"})
    fixable = True
    params = {
        "min-length": (int, 5),  # letters in the frequent spelling; the variant may have one fewer
        "long-name": (int, 9),  # from this many letters, two edits apart still counts
        "max-variant-count": (int, 2),  # a spelling used more often than this is a name of its own
        "min-count": (int, 2),  # uses of the frequent spelling, at least
        "ratio": (int, 2),  # the frequent spelling is used at least this many times as often
        "ignore": (list, []),  # spellings never flagged
        "distinct": (list, []),  # pairs "A B" of different names one slip apart, e.g. "Iceland Ireland"
    }

    def prepare(self) -> None:
        if self.min_length < 3 or self.long_name < self.min_length:
            raise RuleError("'min-length' must be at least 3 and 'long-name' at least 'min-length'")
        if self.max_variant_count < 1 or self.min_count < 2 or self.ratio < 1:
            raise RuleError("'max-variant-count' and 'ratio' must be at least 1, 'min-count' at least 2")
        self.ignored = frozenset(string_list(self.ignore, "'ignore'"))
        pairs = string_list(self.distinct, "'distinct'")
        if any(len(pair.split()) != 2 for pair in pairs):
            raise RuleError("each entry of 'distinct' must be two words separated by a space")
        self.distinct_pairs = frozenset(frozenset(pair.split()) for pair in pairs)

    def check(self, text: Analysis) -> Iterable[Hit]:
        if not text.is_english:
            return  # German capitalises every noun; Slavic names decline: neither is a slip
        variants = self.find_variants(text)
        if not variants:
            return
        counts = text.proper_nouns.counts
        quoted = _quoted_uses(text, {spelling for variant in variants.values() for spelling in (variant.spelling, variant.name)})
        mentions, places = text.name_mentions, _mention_places(text)
        for index in sorted(index for spelling in variants for index in places.get(spelling, ())):
            mention = mentions[index]
            variant = variants[mention.text]
            advice = "" if variant.fixable else (
                f" “{variant.spelling}” is the usual spelling of the name: check which one is right."
            )
            # A speaker quoted one way and the reporter the other: two sources, which the editor
            # checks against each other.  Still the rule's severity: a slip in a quotation is a
            # slip ("Vice President Bide"), and an ordinary word cannot be told from a name spelling.
            sides = quoted[variant.spelling], quoted[variant.name]
            two_sources = len(sides[0]) == len(sides[1]) == 1 and sides[0] != sides[1]
            if two_sources:
                advice += " The quotation and the reporter's text spell it differently."
            message = self.format(
                variant=variant.spelling,
                name=variant.name,
                variant_times=_times(counts[variant.spelling]),
                name_times=_times(counts[variant.name]),
                count=counts[variant.name],
                advice=advice,
            )
            edit = Edit(mention.start, mention.end, variant.name) if variant.fixable else None
            yield Hit(mention.start, mention.end, message, edit)

    def find_variants(self, text: Analysis) -> dict[str, Variant]:
        """Rare spellings taken for slips, by spelling."""
        nouns = text.proper_nouns
        counts = nouns.counts
        # Spellings that can be the reference: names, long enough, used often enough.
        references: dict[str, list[tuple[str, int, int]]] = {}
        for word, count in counts.items():
            if count >= self.min_count and len(word) >= self.min_length and word in nouns.mid_sentence:
                references.setdefault(word[0], []).append((word, len(word), count))
        if not references:
            return {}
        allowed = self.ignored | frozenset(text.options.get("allow-words", ()))
        shortest, most = self.min_length - 1, self.max_variant_count
        variants: dict[str, Variant] = {}
        for word, count in counts.items():
            size = len(word)
            if count > most or size < shortest or word[0] not in references or word in allowed:
                continue
            least = self.ratio * count
            near = [
                (name, used) for name, length, used in references[word[0]]
                if used >= least and -3 < length - size < 3 and name != word
            ]
            name = self._reference(word, near) if near else None
            if name is None or not self._is_slip(text, word, name):
                continue
            if established_apart(word, name):
                continue  # two names or words of their own (Capitol, Capital; Ivana, Ivanka)
            rare = zipf(word)
            if rare >= ESTABLISHED and _own_name_part(text, word, name):
                continue  # a known name with a name part of its own: "Indira Gandhi" beside "India"
            # The majority may be the slip ("Hunstman" three times, "Huntsman" once): then ask.
            variants[word] = Variant(word, name, fixable=not (rare >= ESTABLISHED and zipf(name) < UNSEEN))
        return variants

    def _reference(self, word: str, near: list[tuple[str, int]]) -> str | None:
        """The more frequent spelling within reach of `word`: the nearest, then the most used; None
        when two are equally good (Koren beside Korea and Korean)."""
        best: list[str] = []
        best_rank = (3, 0)
        for name, count in near:
            limit = 2 if min(len(name), len(word)) >= self.long_name else 1
            distance = edit_distance(word, name, limit)
            if distance > limit:
                continue
            rank = (distance, -count)
            if rank < best_rank:
                best, best_rank = [name], rank
            elif rank == best_rank:
                best.append(name)
        return best[0] if len(best) == 1 else None

    def _is_slip(self, text: Analysis, word: str, name: str) -> bool:
        """Whether `word` is a slip for `name` rather than a word or a name of its own."""
        if _capitals(word) != _capitals(name):
            return False  # a brand's capitals ("ScienceX") or an all-caps word, not a slip
        if frozenset((word, name)) in self.distinct_pairs or are_inflections(word, name):
            return False
        if fold_spelling(word) == fold_spelling(name) or is_common_word(word):
            return False
        # Used in lower case somewhere: a common word, capitalised at a sentence start.
        if _written_in_lower_case(text, word):
            return False
        # An inflection of another name in the article ("Israeli" beside "Israel" and "Israelis").
        for other in _nouns_by_initial(text).get(word[0], ()):
            if other != word and edit_distance(word, other, 2) <= 2 and are_inflections(word, other):
                return False
        # A common word ("County", "Finals") stands beside all sorts of names; a surname does not.
        return is_common_word(name) or not _another_persons_name(text, word, name)


def _quoted_uses(text: Analysis, spellings: set[str]) -> dict[str, set[bool]]:
    """For each spelling, whether its uses stand inside quotations ({True}), outside ({False}) or both."""
    mentions, places = text.name_mentions, _mention_places(text)
    return {
        spelling: {text.in_quotation(mentions[index].start) for index in places.get(spelling, ())}
        for spelling in spellings
    }


def _written_in_lower_case(text: Analysis, word: str) -> bool:
    """Whether the article writes `word` in lower case somewhere, as a word of its own (a _LETTERS
    token).  Only the few candidates that reach here ask, so a find per candidate costs far less
    than tokenising the whole article."""
    lower = word.lower()
    if not lower.islower() or not _LETTERS.fullmatch(lower):
        return False
    body, size = text.text, len(lower)
    at = body.find(lower)
    while at != -1:
        if not _continues_word(body, at - 1, -1) and not _continues_word(body, at + size, 1):
            return True
        at = body.find(lower, at + 1)
    return False


def _continues_word(body: str, index: int, step: int) -> bool:
    """Whether body[index] carries on the word next to it: a letter, or an inner apostrophe with a
    letter beyond it (the word "Kyiv's" does not end at "Kyiv")."""
    if not 0 <= index < len(body):
        return False
    if _LETTER.match(body, index):
        return True
    beyond = index + step
    return body[index] in "'\u2019" and 0 <= beyond < len(body) and _LETTER.match(body, beyond) is not None


def _nouns_by_initial(text: Analysis) -> dict[str, list[str]]:
    """The article's capitalised spellings by first letter, indexed once for all candidates."""

    def index() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for noun in text.proper_nouns.counts:
            found.setdefault(noun[0], []).append(noun)
        return found

    return text.shared("nouns-by-initial", index)


def _mention_places(text: Analysis) -> dict[str, list[int]]:
    """Where each capitalised spelling stands among the article's name mentions (indexes into
    name_mentions), indexed once: a candidate's uses and neighbours are read from its own
    mentions, not from every mention of a long article."""

    def index() -> dict[str, list[int]]:
        places: dict[str, list[int]] = {}
        for place, mention in enumerate(text.name_mentions):
            places.setdefault(mention.text, []).append(place)
        return places

    return text.shared("mention-places", index)


def _name_neighbours(text: Analysis, word: str) -> set[tuple[int, str]]:
    """The name parts seen right before (-1) or after (1) `word`: "Mark" and "Milley",
    "Stephen" and "Miller"."""
    mentions, body = text.name_mentions, text.text
    found: set[tuple[int, str]] = set()
    for place in _mention_places(text).get(word, ()):
        here = mentions[place]
        if place > 0:
            left = mentions[place - 1]
            if body[left.end:here.start] == " " and _is_name_like(left, before=True):
                found.add((-1, left.text))
        if place + 1 < len(mentions):
            right = mentions[place + 1]
            if body[here.end:right.start] == " " and _is_name_like(right, before=False):
                found.add((1, right.text))
    return found


def _another_persons_name(text: Analysis, word: str, name: str) -> bool:
    """Whether `word` stands beside a name never seen beside `name` on a side where `name` has other
    neighbours: "Stephen Miller" in an article about "Mark Milley" and "General Milley"."""
    beside_word, beside_name = _name_neighbours(text, word), _name_neighbours(text, name)
    sides = {side for side, _ in beside_name}
    return any(side in sides for side, _ in beside_word - beside_name)


def _own_name_part(text: Analysis, word: str, name: str) -> bool:
    """Whether `word` stands beside a name part never seen beside `name` ("Indira Gandhi")."""
    return bool(_name_neighbours(text, word) - _name_neighbours(text, name))


def _is_name_like(mention: Mention, before: bool) -> bool:
    """A neighbour that is part of a name, not a title: no common word, or a first name that is one
    ("Mark Milley" and "Stephen Miller", not "General Milley", "And Milley" or "Nissan Connect")."""
    word = mention.text
    if len(word) < 3 or "'" in word or "\u2019" in word or word.lower() in _TITLES:
        return False
    return not is_common_word(word) or (before and not mention.initial)


# Words that stand before or after a name without being part of it.
_TITLES = frozenset(
    """
    admiral ambassador archbishop bishop brigadier cabinet captain cardinal chair chairman chairwoman
    chancellor chief coach colonel commander commissioner congressman congresswoman constable corporal
    councillor councilman councilwoman countess dame democrat deputy detective director doctor duchess
    duke earl emperor empress envoy former general governor inspector judge justice king lady leader
    lieutenant lord major manager marshal mayor minister monsignor officer pastor pope premier president
    prime prince princess professor prosecutor queen rabbi representative republican reverend saint
    secretary senator sergeant sheikh sheriff sister speaker spokesman spokeswoman sultan
    superintendent trooper vice
    """.split()
)

# Frequent English words, titles among them (is_common_word also knows their plain inflections):
# a capitalised one beside a near-identical name opens a sentence or is a menu item or a title,
# not a misspelling.
COMMON_WORDS = frozenset(
    """
    able about above abroad absence absolute absolutely abuse academic academy accept accepted access
    accident according account accounts accused achieve acid across acting action actions active
    activist activists activity actor actors actress actual actually added adding addition additional
    address administration admiral admit adult adults advance advanced advantage adventure advertising
    advice advise adviser advisor affair affairs affect afford afraid after afternoon again against
    agency agenda agent agents agree agreed agreement ahead airline airlines airport alarm album alert
    alive all allegation allegations alleged alliance allies allow allowed almost alone along already
    also alternative although always amazing ambassador amendment among amount analysis analyst analysts
    ancient and anger angry animal animals announce announced annual another answer anti anxiety any
    anybody anymore anyone anything anyway anywhere apart apartment appeal appear appeared apple apply
    appointed approach approval approve approved april archbishop are area areas argue argued argument
    arms army around arrest arrested arrival arrive arrived article articles artist artists arts aside
    asked asking assault assembly assess asset assets assistance assistant associate associated
    association assume attack attacked attacks attempt attend attention attorney audience august author
    authorities authority authors auto autumn available average avoid award awards aware away awful baby
    back background backing backs badly balance ball band bank banks banner base baseball based basic
    basically basis basket basketball bath battle beach bear beat beautiful beauty became because become
    becomes becoming been beer before began begin beginning begins behalf behavior behaviour behind
    being belief believe believed bell belong below bench benefit benefits best better between beyond
    bible big bike bill billion bills bird birds birth birthday bishop bite bitter black blame blank
    blast block blog blood blow blue board boat body bomb bond bonds bone bonus book books boom boost
    boot boots border born boss both bottle bottom bought bound bowl boxes boys brain branch brand
    brands brave bread break breakfast breaking breath brief brigadier bright brilliant bring brings
    broad broadcast broke broken brother brothers brought brown budget build building buildings built
    bullet bunch burden bureau burn burning business businesses busy but butter button buyer buyers
    buying cabinet cable calendar call called calling calls calm came camera cameras camp campaign
    campus can canal cancel cancer candidate candidates capacity capital captain capture carbon card
    cardinal cards care career careful carefully cares cargo carried carry cars case cases cash cast
    castle catch category caught cause caused causes celebrate cell cells center centers central centre
    century ceremony certain certainly chain chair chairman challenge challenges chamber champion
    champions championship chance chancellor chances change changed changes changing channel chapter
    character characters charge charged charges charity chart chase cheap check chef chemical chest
    chicken chief child childhood children chip chips choice choose chose chosen church circle circuit
    cities citizen citizens city civil civilian civilians claim claimed claims class classes classic
    clean clear clearly clerk click client clients climate climb clinic clinical clock close closed
    closely closer closing cloth clothes clothing cloud club clubs coach coal coast code coffee cold
    collapse colleague colleagues collection college colonel color colour column combat combination come
    comes comfort comfortable coming command commander comment comments commerce commercial commission
    commissioner commit commitment committed committee common communication communications communities
    community companies company compare compared competition complete completely complex computer
    concept concern concerned concerns concert conclusion condition conditions conduct conference
    confidence confirm confirmed conflict congress congressman congresswoman connect connection consider
    considered constable constant constitution construction consumer consumers contact contain content
    contest context continue continued continues contract contracts contrast contribute control controls
    conversation cook cool cooperation copy core corner corporal corporate correct cost costs could
    council councillor councilman councilwoman count counter countess counties countries country county
    couple courage course court courts cousin cover coverage covered crack craft crash crazy cream
    create created creating creative credit crew crime crimes criminal crisis critic critical critics
    crop cross crowd crown crucial cultural culture cure current currently custom customer customers
    cutting cycle daily damage dame dance danger dangerous dark data date daughter dead deadline deadly
    deal dealing deals dear death deaths debate debt decade decades december decide decided decision
    decisions declare decline deep deeply defeat defence defend defense deficit define degree delay
    deliver delivery demand demands democracy demonstrators deny department depend deputy describe
    described desert design designed desire desk despite destroy destroyed detail details detect
    determine develop developed developer development device devices dialogue did diet difference
    different difficult digital dinner direct direction directly director dirty disaster discover
    discovered discuss discussion disease display distance district diverse division divorce doctor
    doctors document documents does doing dollar dollars domestic done door doors double doubt down
    download dozen dozens draft drama dramatic draw drawing dream dress drink drive driver drivers
    driving drop dropped drug drugs duchess duke during duty each eager earl early earn earned earnings
    earth ease easily east eastern easy economic economics economy edge edition editor editorial
    education effect effective effort efforts eight either elderly elect elected election elections
    electric electricity electronic element elements elite else elsewhere email embassy emergency
    emotional emperor employee employees empress empty enable ending ends enemy energy engine engineer
    engineering enjoy enough ensure enter entertainment entire entirely entry environment environmental
    episode equal equipment error escape especially essay essential estate estimate estimated even
    evening event events eventually ever every everybody everyone everything evidence exactly exam
    example examples excellent except exchange executive exercise exist existing exit expand expect
    expected expense expensive experience expert experts explain explained explore export exports
    express extend extra extreme extremely face faced faces facility facing fact factor factory facts
    faculty fail failed failure fair faith fall fallen false familiar families family famous fans
    fantastic farm farmer farmers fashion fast father fault favor favorite favour favourite fear fears
    feature featured features february federal feed feel feeling feelings feet fell fellow felt female
    few fewer field fields fifth fight fighter fighters fighting figure figures file files fill film
    films final finally finance financial find finding finds fine finger finish fire fired firm firms
    first fish fishing fit fitness five fixed flag flat fleet flight flights floor flow flower flowers
    focus folk follow followed following food foods foot football for force forced forces foreign forest
    forever form formal format former forms formula fortune forum forward found foundation four fourth
    frame free freedom frequently fresh friday friend friendly friends from front fruit fuel full fully
    function fund funding funds funeral funny further future gain gallery game games garden gate gather
    gave gender general generally generation generous gentle genuine get giant gift girl girls give
    given gives giving glad glass global goal goals goes going gold golden golf gone good goods got
    government governments governor grab grade graduate grand grant grass great greater greatest green
    grew grey gross ground grounds group groups grow growing grown growth guard guess guest guests guide
    guilty guitar habit had hair half hall hand handle hands hang happen happened happening happens
    happy hard hardly harm has hate have having head headed heading headline headlines heads health
    healthy hear heard hearing heart heat heavy held hell hello help helped helping helps her here
    heritage hero herself hidden hide high higher highest highly highway hill himself hire his historic
    historical history hit hits hold holding holds hole holiday holidays hollow home homes honest honor
    honour hope hoped hopes horror horse hospital host hosted hosts hotel hour hours house houses
    housing how however huge human humans humor hundred hundreds hunger hunt hunting hurt husband idea
    ideal ideas identify identity ignore illegal image images imagine immediately immigrant immigrants
    immigration impact import important impossible improve improved include included includes including
    income increase increased increasing indeed independence independent index indicate individual
    individuals industrial industry inflation influence info information initial initially injured
    injuries injury inner innocent inside insight inspector inspire install instance instead institute
    institution institutions insurance intelligence intend intended interest interested interesting
    interests internal international internet interview interviews into introduce invasion invest
    investigation investigators investment investor investors invite involve involved iron island
    islands issue issued issues item items its itself jacket jail january joint joke journal journalist
    journalists journey judge judges judgment july jump june jury just justice keen keep keeping keeps
    kept kick kids kill killed killing kind kinds king kingdom kitchen knew knife know knowledge known
    knows label labor labour lack ladder lady land landing lands lane language large largely larger
    largest last late later latest latter laugh launch launched lawmakers lawyer lawyers lead leader
    leaders leadership leading leads league learn learned learning least leave leaving lecture left
    legal legend legislation legislative legislature length less lesson lessons let letter letters level
    levels liberal library lieutenant life lifestyle lift light like liked likely likes limit limited
    limits line lines link links list listed listen lists little live lived lives living loan loans
    local located location lock long longer look looked looking looks loose lord lose losing loss losses
    lost lots loud love loved lovely lower luck lucky lunch machine machines made magazine magic mail
    main mainly maintain major majority make maker makers makes making male mall manage managed
    management manager managers manner many map march margin mark marked market marketing markets
    marriage married marshal mass massive master match matches material materials matter matters maximum
    may maybe mayor meal mean meaning means meant measure measures meat media medical medicine medium
    meet meeting meetings meets member members membership memory mental mention mentioned menu mere
    merely message messages metal method methods middle might mild mile miles military milk million
    millions mind minds mine minimum minister ministers ministry minor minority minute minutes mirror
    miss missed missile missing mission mistake mixed mobile mode model models modern moment moments
    monday money monsignor month monthly months mood moon moral more morning mortgage most mostly mother
    mount mountain mouth move moved movement moves movie movies moving much murder muscle museum music
    musical must myself mystery name named names narrow nation national nations native natural nature
    near nearby nearly necessary neck need needed needs negative neighbor neighborhood neighbors
    neighbour neighbours neither network networks never new news newspaper next nice night nine nobody
    noise none nor normal normally north northern not note noted notes nothing notice novel november now
    nuclear number numbers nurse nurses object observe obtain obvious obviously occur ocean october off
    offense offensive offer offered offers office officer officers offices official officials often okay
    old older once one online only onto open opened opening opens opera operate operation operations
    operator opinion opponent opponents opportunity oppose opposed opposite opposition option options
    orange order orders ordinary organisation organization organizations origin original other others
    otherwise ought our ours ourselves out outcome outside over overall own owner owners ownership pace
    pack package page pages paid pain paint painting pair palace panel panic paper papers parent parents
    park parking parliament part participant participate particular particularly parties partly partner
    partners party pass passed passenger passengers passing passion past pastor path patient patients
    pattern pause peace peaceful peak people per percent perfect perform performance perhaps period
    permanent permission person personal persons phase phone phones photo photograph photos physical
    piano pick picked picture pictures piece pieces pilot pink pipe pitch place placed places plain plan
    plane planet planned planning plans plant plants plastic plate platform play played player players
    playing plays plea pleased plenty plot plus pocket poem poet point points police policies policy
    political politician politicians politics poll polls pool poor popular population port portion
    position positive possible possibly post posted poster posts potential pound pounds poverty power
    powerful powers practical practice pray prayer precisely prefer pregnant premier premium prepare
    prepared presence present presidency president presidential press pressure pretty prevent previous
    previously price prices pride priest primary prime prince princess principal principle print prior
    priority prison prisoner prisoners private prize probably problem problems procedure process produce
    produced producer product production products profession professional professor profile profit
    profits program programme programs progress project projects promise promised promote proof proper
    property proposal propose proposed prosecutor prosecutors protect protection protest protesters
    protests proud prove proved provide provided provider provides province provision public publicly
    publish published pull pulled punch purchase pure purpose push pushed putting quality quarter queen
    question questions quick quickly quiet quite quote rabbi race races racing radio rail rain raise
    raised raising rally range rank rapid rare rate rates rather rating reach reached react reaction
    read reader readers reading ready real reality realize really reason reasons rebel rebels recall
    receive received recent recently recipe recipes record records recover recovery reduce reduced
    reform refugee refugees refuse regard region regional regions register regular regulation regulators
    reject relate related relation relations relationship relative release released relief religion
    religious rely remain remained remains remember remote remove removed rent repeat replace replaced
    reply report reported reporter reporters reporting reports represent representative republic request
    require required requirement rescue research researcher researchers reserve residence resident
    residents resign resist resolution resource resources respect respond response responsibility
    responsible rest restaurant result results retail retire retired return returned returns reveal
    revealed revenue reverend review reviews revolution reward rich ride rider right rights ring rise
    rising risk risks rival river road roads rock role roles roll romantic roof room rose round route
    routine royal ruin rule ruled rules ruling rumor rumour runner running rural rush sacred safe safety
    said salary sale sales same sample satellite saturday save saved saving savings saw say scale
    scandal scene schedule scheme scholar school schools science scientist scientists score screen
    script search season seasons seat seats second secret secretary section sector sectors secure
    security see seek seeking seem seemed seems seen select selected selection self sell selling senate
    senator senators send senior sense sensitive sent sentence separate september sergeant series
    serious seriously serve served server service services session setting settle settlement seven
    several severe shadow shake shall shape share shared shares sharing sharp sheet sheikh shelter
    sheriff shift ship ships shirt shock shoe shoes shoot shooting shop shopping shops shore short
    shortly shot shots should shoulder show showed showing shown shows shut sick side sides sight sign
    signal signed significant signs silence silent silver similar simple simply since sing singer single
    sister site sites sitting situation six size skill skills skin sleep slightly slow small smart smile
    smoke snow soccer social society soft software soil sold soldier soldiers sole solid solution some
    somebody someone something sometimes somewhat somewhere song songs soon sorry sort sought soul sound
    sounds source sources south southern space speak speaker speaking special species specific speech
    speed spend spending spent spirit split spoke spokesman spokeswoman sport sports spot spread spring
    squad square staff stage stake stand standard standards standing stands star stars start started
    starting starts state statement statements states station stay stayed steal steel step steps stick
    still stock stocks stone stood stop stopped store stores storm story straight strange strategy
    street streets strength stress strike strikes strong strongly struck structure struggle student
    students studies studio study stuff style subject submit subscribe subscriber subscribers
    subscription success successful such sudden suddenly suffer suffered sugar suggest suggested suit
    sultan summer summit sunday super superintendent supply support supported supporters suppose supreme
    sure surface surgery surprise surprised survey survival survive suspect suspected swim switch symbol
    system systems table tackle take taken takes taking talent talk talked talking talks tall target
    task taste taught teach teacher teachers teaching team teams tears tech technical technique
    technology teen teenager telephone television tell telling tells temperature temple ten tend tender
    tension term terms terrible territory terror terrorism terrorist terrorists test tested testing
    tests text than thank thanks that the their theirs them theme themselves then theory therapy there
    therefore these they thick thin thing things think thinking third thirty this those though thought
    thousand thousands threat threats three threw throat through throughout throw thursday thus ticket
    tickets tiger tight till time times tiny tips tired title today together told tomorrow tone tonight
    took tool tools total touch tough tour tourism tourist tourists toward towards tower town towns
    track trade trading tradition traditional traffic tragedy trail train training transfer transition
    transport transportation travel treat treatment treaty tree trees trend trial tribe tried trip
    trooper troops trouble truck true truly trust truth trying tuesday turn turned turning twice two
    type types typical ugly ultimately unable uncle under understand understanding union unique unit
    united units unity universe university unknown unless unlike unlikely until unusual upon upper urban
    urge urged used useful user users uses using usual usually vaccine valley valuable value values
    various vast vehicle vehicles venture version very veteran veterans via victim victims victory video
    videos view viewers views village violence violent virus visit visited visitors visual vital voice
    volume vote voted voter voters votes voting wage wages wait waiting wake walk walked walking wall
    walls want wanted wants warm warn warned warning was wash waste watch watched watching water wave
    ways weak wealth weapon weapons wear weather website websites wedding wednesday week weekend weekly
    weeks weight welcome welfare well went were west western what whatever wheel when whenever where
    whether which while white who whole whom whose why wide widely wife wild will willing wind window
    windows wine wing winner winners winning wins winter wire wise wish with within without witness
    woman women wonder wonderful wood word words work worked worker workers working works world
    worldwide worried worry worse worst worth would wound write writer writers writing written wrong
    wrote yard yeah year yearly years yellow yes yesterday yet yield you young younger your yours
    yourself youth zone
    """.split()
)
