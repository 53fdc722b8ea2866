"""Word lists and shares the event-factuality rules read (`extract/factuality.py`).

Hand-written from the datasets' train splits (UW, MEANTIME), never dev; grouped by what a word does to
the event it governs.
"""

from __future__ import annotations


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


def _pairs(text: str) -> dict[str, str]:
    """ "noun:verb noun:verb" as a mapping."""
    return dict(pair.split(":", 1) for pair in text.split())


# The share of +3 each claimledger certainty leaves.
CERTAINTY_SHARE = {"certain": 1.0, "probable": 0.7, "possible": 0.45, "unknown": 0.0}
# Finer shares for single hedge words, and for modals claimledger does not count as hedges.
HEDGE_SHARE = {
    **dict.fromkeys(["could"], 0.35),
    **dict.fromkeys(["can", "ca", "might"], 0.4),
    **dict.fromkeys(["should"], 0.45),
    **dict.fromkeys(["may"], 0.5),
    **dict.fromkeys(["would", "must", "likely"], 0.55),
    **dict.fromkeys(["probably"], 0.7),
    **dict.fromkeys(["expected", "expects"], 0.72),
    **dict.fromkeys(["shall"], 0.8),
    **dict.fromkeys(["will", "'ll", "wo"], 0.84),
}
# "could not", "would not", "won't" deny rather than hedge: their modal barely weakens the denial.
NEGATED_MODAL_SHARE = dict.fromkeys(["could", "can", "ca", "would", "will", "wo", "'ll"], 0.8)
EXTRA_MODALS = _words("can ca should must will 'll wo shall")

# Verbs and nouns that govern an event, by what they do to it.
DENIAL_VERBS = _words("deny dismiss reject refute rebut dispute debunk contest")
# The complement did not happen: "failed to", "declined to", "prevented ... from".
NEGATIVE_IMPLICATIVES = _words(
    "fail decline refuse avoid prevent neglect forget cancel stop halt abandon",
    "cease refrain forgo",  # "would cease looking", "refrained from commenting"
    "unable unwilling reluctant hesitant loath powerless",  # "unable to pay"
)
# Besides the negative implicatives, verbs whose "from" complement did not happen: "barred the crowd from
# reaching", "kept them from voting" ("keep doing" alone is implicative).
PREVENTING_VERBS = _words("bar ban prohibit keep block discourage deter restrain dissuade preclude")
# Nouns whose infinitive did not happen: "failure to set a deadline".
NEGATIVE_NOUNS = _words("failure refusal inability reluctance unwillingness")
# The object or passive subject is called off: "delayed the flight", "the tour was cancelled".
CANCEL_VERBS = _words(
    "cancel delay postpone suspend scrap halt block prevent veto abandon stop",
    "kill shelve scuttle thwart foil avert",  # "the deal had been killed"
)
# The complement happened, and a negated governor denies it: "managed to", "began to", "knew that".
IMPLICATIVES = _words(
    "manage begin start continue resume succeed dare bother remember get help use keep finish",
    "know learn realize discover show prove confirm admit acknowledge regret",
)
REPORTING_VERBS = _words(
    "say tell report announce add state note explain write declare testify insist reveal disclose",
    "stress indicate",
)
BELIEF_VERBS = _words(
    "think believe suspect suggest claim allege argue assume guess estimate predict fear feel conclude",
    "seem appear doubt",
)
# Complements not yet realised, and the share each governor leaves: wanting and trying leave little,
# plans a half, agreements, calls and schedules most ("agreed to pay" usually gets paid).
IRREALIS_VERBS: dict[str, float] = {
    **dict.fromkeys(_words("want wish ask go try order persuade encourage struggle"), 0.3),
    **dict.fromkeys(_words("seek intend hope hop attempt need consider wait threaten"), 0.42),
    **dict.fromkeys(_words("likely willing able ready eager urge push press lobby"), 0.45),
    **dict.fromkeys(_words("have allow let require force prefer like love tend"), 0.48),
    **dict.fromkeys(_words("plan aim"), 0.5),
    **dict.fromkeys(
        _words("propose prepare decide offer promise vow design designed schedule due set"), 0.55
    ),
    **dict.fromkeys(_words("move work recommend"), 0.55),
    **dict.fromkeys(_words("expect suppose pledge demand"), 0.58),
    **dict.fromkeys(_words("be"), 0.6),
    **dict.fromkeys(_words("agree call"), 0.75),
}
# "has to go", "is to go": obligations and schedules only with an infinitive ("had talks" is no obligation).
IRREALIS_ONLY_WITH_INFINITIVE = _words("have be")
IRREALIS_NOUNS = _words(
    "plan attempt effort bid decision proposal threat offer right ability chance possibility hope hopes",
    "fear fears need intention goal aim request call order demand promise pledge way authority power",
    "prospect prospects deadline campaign drive move push willingness readiness agreement deal",
    "permission option opportunity time measure measures program programme mission strategy policy",
    "scheme talks vote",
)
# Irrealis nouns read like the verb they come from (the others leave SHARE["irrealis_noun"]).
IRREALIS_NOUN_VERBS = {
    **{noun: noun for noun in _words("attempt offer promise pledge demand call order push move need plan")},
    **dict.fromkeys(_words("effort bid campaign drive"), "try"),
    **_pairs("decision:decide proposal:propose threat:threaten intention:intend request:ask"),
    **_pairs("agreement:agree deal:agree permission:allow willingness:willing readiness:ready ability:able"),
    **_pairs("hope:hope hopes:hope aim:aim goal:aim"),
}
# Nouns whose that-clause is their content, each read like the verb it comes from.
CONTENT_NOUNS = {
    **dict.fromkeys(_words("report statement news word announcement"), "say"),
    **dict.fromkeys(_words("claim allegation accusation charge rumor rumour suggestion"), "claim"),
    **dict.fromkeys(_words("belief fear suspicion view assumption speculation"), "think"),
    **dict.fromkeys(_words("hope expectation demand proposal promise"), "hope"),
    **dict.fromkeys(_words("denial"), "deny"),
}
# Verbs of a change in value, and the infinitives that say where it ended ("fell 3% to close at 7,114").
CHANGE_VERBS = _words(
    "rise fall drop climb gain lose shed soar plunge slip jump rebound recover tumble sink surge advance",
    "decline dip slide edge plummet add go close end",
)
RESULT_VERBS = _words("close end finish settle stand reach hit slip trade top")
CONDITIONAL_MARKS = {"if": 0.5, "unless": 0.15, "whether": 0.4, "until": 0.8, "once": 0.6}
# Clauses and phrases that presuppose their event: "after the attack", "because troops crossed".
FACTIVE_MARKS = _words("after before because since although though while when as despite following amid")
NEGATIVE_SUBJECTS = _words("nobody nothing none noone")
ALMOST = _words("nearly almost")

# The share of commitment each governing frame (or marker on the event) leaves; negative turns it to −.
SHARE = {
    "deny": -0.6,
    "negative_implicative": -0.5,
    "cancelled": -0.2,
    "implicative": 1.0,
    "report": 0.95,
    "other_clause": 0.85,
    "belief": 0.75,
    "purpose": 0.6,
    "infinitive": 0.6,
    "open_question": 0.6,
    "disjunct": 0.6,
    "irrealis_noun": 0.5,
    "question": 0.5,
    "noun": 0.95,
    "modifier_noun": 0.85,  # "abortion clinic", "takeover bids": often generic, not one event
    "almost": 0.3,
    "no_object": 0.25,  # "reached no agreement", "has no plans": mostly did not happen
    "negated_governor": 0.15,  # "did not say that ...": left open
}
NEGATED_SHARE = -1.0  # a negation flips the sign: "did not attack" is −3
# A negated head denies what shares its clause ("did not attack and kill") and the complements of
# implicative, wanting and believing verbs ("did not manage / want to cross"), leaves reported
# content open ("did not say that"), and leaves clauses merely beside it alone ("after the talks").
SHARED_POLARITY = _words("conj disjunct noun_arg copula for")
FLIPPED_BY_NEGATED_HEAD = _words("implicative deny negative_implicative without cancelled irrealis belief")
WEAKENED_BY_NEGATED_HEAD = _words("report irrealis_noun other_clause infinitive")
FLIPPING_FRAMES = _words("deny negative_implicative without cancelled negated_adjective")
CLIMB_DEPS = _words("ccomp xcomp conj advcl acomp attr oprd dobj pobj pcomp prep acl csubj")
