"""Word lists the rules read: reporting cues, stance, hedges, source roles.

Hand-written because no library ships an attribution lexicon for English news; the lists are
small, reviewed by hand and grouped by what they decide.
"""

from __future__ import annotations

from claimledger.models import SourceKind, Stance

# Verbs whose clausal complement (ccomp/xcomp) is the reported content.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "state",
        "announce",
        "add",
        "warn",
        "note",
        "explain",
        "insist",
        "argue",
        "assert",
        "allege",
        "suggest",
        "write",
        "acknowledge",
        "admit",
        "confirm",
        "deny",
        "indicate",
        "stress",
        "emphasize",
        "emphasise",
        "maintain",
        "contend",
        "reveal",
        "disclose",
        "declare",
        "concede",
        "predict",
        "estimate",
        "testify",
        "tweet",
        "post",
        "reply",
        "respond",
        "answer",
        "agree",
        "believe",
        "think",
        "caution",
        "counter",
        "observe",
        "recount",
        "describe",
        "quote",
        "charge",
        "complain",
        "vow",
        "promise",
        "threaten",
        "remark",
        "signal",
        "affirm",
        "reiterate",
        "predict",
        "fear",
        "hope",
        "expect",
        "urge",
    ]
)

# Verbs whose direct object (with an optional "as ..." complement) is the content.
OBJECT_VERBS = frozenset(
    [
        "deny",
        "dismiss",
        "reject",
        "refute",
        "rebuff",
        "dispute",
        "confirm",
        "verify",
        "corroborate",
        "condemn",
        "denounce",
        "decry",
        "defend",
        "criticize",
        "criticise",
        "accuse",
        "blame",
        "praise",
        "welcome",
        "announce",
        "report",
        "post",
        "describe",
        "call",
        "urge",
        "acknowledge",
        "admit",
        "reveal",
        "disclose",
    ]
)

# Verbs of cognition count only with a named subject and a that-clause, never alone as reportatives.
COGNITION_VERBS = frozenset({"believe", "think", "fear", "hope", "expect"})

STANCE_BY_LEMMA: dict[str, Stance] = {
    **dict.fromkeys(
        ["deny", "dismiss", "reject", "refute", "rebuff", "dispute", "rebut", "debunk", "contest"], "deny"
    ),
    **dict.fromkeys(["condemn", "denounce", "decry"], "condemn"),
}

# Verbs the learned cue lexicon (data/cue_lexicon.json) accepts but whose complement is no claim
# a reader could check: the person asked, the thing offered or published, an order, a vote.
# Reviewed by hand against the examples; the rest of the learned list is taken as learned.
LEARNED_CUES_LEFT_OUT = frozenset(
    [
        "ask",
        "offer",
        "publish",
        "issue",
        "email",
        "list",
        "detail",
        "devote",
        "withdraw",
        "order",
        "prohibit",
        "witness",
        "look",
        "vote",
        "decide",
        "aim",
        "sound",
        "position",
        "continue",
        "consider",
        "read",
    ]
)

# Labels before a colon at a paragraph's start that name no speaker ("Update: ...", "Q: ...").
NOT_SPEAKER_LABELS = frozenset(
    [
        "update",
        "updated",
        "note",
        "related",
        "watch",
        "read",
        "photo",
        "photos",
        "video",
        "source",
        "sources",
        "abstract",
        "correction",
        "see",
        "listen",
        "follow",
        "more",
        "click",
        "subscribe",
        "tags",
        "via",
        "by",
        "credit",
        "caption",
        "image",
        "q",
        "a",
        "look",
        "busted",
        "breaking",
        "contributing",
        "byline",
        "bombshell",
        "exclusive",
        "live",
        "opinion",
        "analysis",
        "continued",
        "wow",
        "editor's note",
        "editor’s note",
        "read more",
        "see also",
        "the latest",
        "breaking news",
        "boom",
        "revealed",
        "confirmed",
        "developing",
        "alert",
        "just in",
        "must watch",
        "must read",
    ]
)

# Lemmas that, negated ("has not confirmed") or under "decline to", mean no confirmation.
CONFIRMATION_VERBS = frozenset({"confirm", "verify", "corroborate", "comment", "acknowledge"})
DECLINE_VERBS = frozenset({"decline", "refuse"})

# "voiced concern about", "expressed alarm over": the noun decides the stance.
CONCERN_NOUNS = frozenset({"concern", "concerns", "alarm", "worry", "worries", "unease", "fear", "fears"})
CONCERN_VERBS = frozenset({"voice", "express", "raise", "register", "share", "reiterate"})
# Evaluative words in a speaker's content that make a neutral "said" an expression of concern.
CONCERN_WORDS = frozenset(
    {"concerning", "concerned", "alarming", "alarmed", "worrying", "worried", "troubling", "troubled"}
)

# A chain link: "X reported, citing Y"; "X quoted Y as saying".
CITING_VERBS = frozenset({"cite", "quote"})

# Adverbs that make a sentence reportative with no named source.
REPORTATIVE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly"})
# "is said to", "was reported to": passive reporting verbs with no agent.
PASSIVE_REPORTATIVES = frozenset({"say", "report", "claim", "allege", "rumor", "rumour"})

# "is said to", "was reported to": reportative like "reportedly".
REPORTATIVE_PHRASES = frozenset(
    {"said to", "reported to", "claimed to", "alleged to", "rumored to", "rumoured to"}
)
# "are likely to", "is possible": predicative adjectives that hedge.
PREDICATIVE_HEDGES = frozenset({"likely", "unlikely", "possible", "probable", "uncertain", "unclear"})

# Hedges and the certainty each leaves, strongest doubt first.
POSSIBLE_HEDGES = frozenset(
    {
        "possible",
        "uncertain",
        "unclear",
        "unlikely",
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "maybe",
        "possibility",
        "chance",
        "considering whether",
    }
)
PROBABLE_HEDGES = frozenset(
    {
        "would",
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "apparently",
        "likely",
        "probably",
        "presumably",
        "believed",
        "thought",
        "expected",
        "seems",
        "appears",
        "suspected",
    }
)
MODAL_HEDGES = frozenset({"may", "might", "could", "would"})
HEDGE_ADVERBS = (
    frozenset({"possibly", "perhaps", "maybe", "apparently", "likely", "probably", "presumably"})
    | REPORTATIVE_ADVERBS
)
POSSIBILITY_NOUNS = frozenset({"possibility", "chance", "likelihood", "prospect"})
RAISING_HEDGES = frozenset({"believe", "think", "expect", "suspect", "seem", "appear"})

APPROXIMATORS = frozenset(
    [
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "estimated",
        "up",
        "over",
        "least",
        "more",
        "fewer",
        "less",
        "many",
    ]
)

# Head nouns of source phrases and the kind of source they name.
ROLE_KINDS: dict[str, SourceKind] = {
    **dict.fromkeys(
        [
            "agency",
            "newspaper",
            "broadcaster",
            "outlet",
            "media",
            "daily",
            "tabloid",
            "channel",
            "radio",
            "tv",
            "television",
            "network",
            "wire",
            "newsroom",
            "magazine",
            "journal",
            "paper",
            "press",
            "times",
            "post",
            "herald",
            "gazette",
            "tribune",
            "ledger",
        ],
        "news_outlet",
    ),
    **dict.fromkeys(["ministry", "department", "secretariat"], "ministry"),
    **dict.fromkeys(
        [
            "army",
            "military",
            "navy",
            "forces",
            "force",
            "command",
            "commander",
            "general",
            "colonel",
            "admiral",
            "troops",
            "brigade",
            "staff",
            "guard",
            "guards",
        ],
        "military",
    ),
    **dict.fromkeys(
        [
            "ambassador",
            "envoy",
            "diplomat",
            "representative",
            "embassy",
            "consul",
            "consulate",
            "delegation",
            "mission",
        ],
        "diplomat",
    ),
    **dict.fromkeys(
        [
            "secretary",
            "director",
            "negotiator",
            "chairman",
            "chairwoman",
            "chair",
            "manager",
            "master",
            "official",
            "officials",
            "source",
            "sources",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "aide",
            "adviser",
            "advisor",
            "insider",
            "insiders",
            "officer",
            "officers",
            "authorities",
            "authority",
        ],
        "official",
    ),
    **dict.fromkeys(
        [
            "president",
            "minister",
            "lawmaker",
            "lawmakers",
            "senator",
            "congressman",
            "congresswoman",
            "mp",
            "legislator",
            "politician",
            "candidate",
            "governor",
            "mayor",
            "chancellor",
            "premier",
            "leader",
            "party",
        ],
        "politician",
    ),
    **dict.fromkeys(
        [
            "analyst",
            "analysts",
            "expert",
            "experts",
            "researcher",
            "researchers",
            "professor",
            "scholar",
            "economist",
        ],
        "expert",
    ),
    **dict.fromkeys(
        [
            "account",
            "accounts",
            "blogger",
            "bloggers",
            "telegram",
            "twitter",
            "tweet",
            "facebook",
            "tiktok",
            "youtube",
            "x",
            "user",
            "users",
            "influencer",
            "post",
            "poster",
        ],
        "social_media",
    ),
    **dict.fromkeys(["government", "cabinet", "administration", "kremlin", "regime"], "government"),
    **dict.fromkeys(
        [
            "company",
            "firm",
            "group",
            "organisation",
            "organization",
            "ngo",
            "charity",
            "institute",
            "council",
            "committee",
            "union",
            "association",
            "watchdog",
            "monitor",
            "observatory",
        ],
        "organisation",
    ),
}

# Head nouns that name a source by its role alone: unnamed, so anonymous unless a name goes with them.
ANONYMOUS_HEADS = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "insider",
        "insiders",
        "people",
        "person",
        "someone",
        "individuals",
        "aide",
        "aides",
        "diplomats",
        "officers",
    ]
)
ANONYMITY_WORDS = frozenset(
    {"anonymous", "unnamed", "unidentified", "anonymity", "familiar", "senior", "several", "some"}
)

# Lower-case words a date or time expression is made of, besides numbers and capitalised names
# (weekdays, months, holidays): where none is, the recogniser finds no date to read.
TIME_WORDS = frozenset(
    [
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "morning",
        "afternoon",
        "evening",
        "night",
        "overnight",
        "noon",
        "midnight",
        "week",
        "weeks",
        "weekend",
        "weekends",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "decade",
        "decades",
        "century",
        "centuries",
        "hour",
        "hours",
        "minute",
        "minutes",
        "ago",
        "earlier",
        "later",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "season",
        "quarter",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "annually",
        "past",
        "recent",
        "recently",
    ]
)
