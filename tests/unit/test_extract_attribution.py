"""Attributions found by the real extractor in short invented reports: source chain, cue, content, stance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from claimledger.extract import Extractor
from claimledger.models import Attribution, Boilerplate, Certainty, Report, ReportMeta, Stance

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 10, 22)  # a Tuesday
INVERTED = (
    "The ferry service was suspended, the Dunmore Herald reported Tuesday, citing an anonymous port official."
)


@dataclass(frozen=True, slots=True)
class Seen:
    """What a reader checks first in an attribution: who, the cue, what, how."""

    sources: tuple[str, ...]
    cue: str
    content: str
    stance: Stance = "assert"
    certainty: Certainty = "certain"
    direct: bool = False


def make_report(
    text: str, *, published: dt.date | None = PUBLISHED, boilerplate: tuple[Boilerplate, ...] = ()
) -> Report:
    return Report(
        id="0123456789abcdef",
        origin="invented.txt",
        text=text,
        meta=ReportMeta(published=published),
        boilerplate=boilerplate,
    )


def seen(attribution: Attribution) -> Seen:
    return Seen(
        sources=tuple(m.span.text if m.span else "" for m in attribution.chain),
        cue=attribution.cue.text,
        content=attribution.content.text,
        stance=attribution.stance,
        certainty=attribution.certainty,
        direct=attribution.direct,
    )


def extract(
    extractor: Extractor, text: str, *, published: dt.date | None = PUBLISHED
) -> tuple[Attribution, ...]:
    return extractor.extract(make_report(text, published=published))


CASES = [
    pytest.param(
        "Mayor Ilse Varga said that the bridge had reopened.",
        [Seen(("Mayor Ilse Varga",), "said", "the bridge had reopened")],
        id="said-that",
    ),
    pytest.param(
        "The mayor of Dunmore said the bridge would reopen in spring.",
        [Seen(("The mayor of Dunmore",), "said", "the bridge would reopen in spring", certainty="possible")],
        id="said-without-that",
    ),
    pytest.param(
        "Ada Brennick told reporters that the yard would close.",
        [Seen(("Ada Brennick",), "told", "the yard would close", certainty="possible")],
        id="told-reporters-that",
    ),
    pytest.param(
        INVERTED,
        [
            Seen(
                ("the Dunmore Herald", "an anonymous port official"),
                "reported Tuesday",  # the span model's cue keeps the cue verb's time adverb, as PolNeAR's do
                "The ferry service was suspended",
            )
        ],
        id="inverted-citing",
    ),
    pytest.param(
        "The dam was damaged by the flood, according to the regional water authority.",
        [Seen(("the regional water authority",), "according to", "The dam was damaged by the flood")],
        id="according-to-at-end",
    ),
    pytest.param(
        "According to the regional water authority, the dam was damaged by the flood.",
        [Seen(("the regional water authority",), "According to", "the dam was damaged by the flood")],
        id="according-to-at-start",
    ),
    pytest.param(
        # the parser hangs "According" on the auxiliary "is": the clause is still the whole of it
        "According to recent polling, the shipping magnate is once again strongly leading the field.",
        [
            Seen(
                ("recent polling",),
                "According to",
                "the shipping magnate is once again strongly leading the field",
            )
        ],
        id="according-to-hung-on-an-auxiliary",
    ),
    pytest.param(
        "The Dunmore Herald quoted Minister Ada Brennick as saying that the harbour would stay closed.",
        [
            Seen(
                ("The Dunmore Herald", "Minister Ada Brennick"),
                "quoted",
                "the harbour would stay closed",
                certainty="possible",
            )
        ],
        id="quoted-as-saying",
    ),
    pytest.param(
        "The Dunmore Herald's source said the shipyard had been sold.",
        [Seen(("The Dunmore Herald", "The Dunmore Herald's source"), "said", "the shipyard had been sold")],
        id="possessive-source",
    ),
    pytest.param(
        "“The harbour will stay closed until the storm passes,” she said, “and the ferries will not run.”",
        [
            Seen(
                ("she",),
                "said",
                "“The harbour will stay closed until the storm passes,”",
                direct=True,
            )
        ],
        id="split-direct-quote",
    ),
    pytest.param(
        "“We will not allow the yard to close,” Ada Brennick told reporters.",
        [Seen(("Ada Brennick",), "told", "“We will not allow the yard to close,”", direct=True)],
        id="direct-quote-then-cue",
    ),
    pytest.param(
        "The shipyard was reportedly sold to a foreign buyer.",
        [
            Seen(
                (),
                "reportedly",
                "The shipyard was reportedly sold to a foreign buyer",
                certainty="probable",
            )
        ],
        id="reportedly-without-source",
    ),
    pytest.param(
        "The port authority has not confirmed the closure of the harbour.",
        [
            Seen(
                ("The port authority",),
                "has not confirmed",
                "the closure of the harbour",
                stance="no_confirmation",
                certainty="unknown",
            )
        ],
        id="has-not-confirmed",
    ),
    pytest.param(
        "The port authority did not say whether the cranes had been damaged.",
        [
            Seen(
                ("The port authority",),
                "did not say",
                "the cranes had been damaged",
                stance="no_confirmation",
                certainty="unknown",
            )
        ],
        id="did-not-say-whether",
    ),
    pytest.param(
        "The ministry dismissed the reports as a malicious rumour.",
        [Seen(("The ministry",), "dismissed", "the reports as a malicious rumour", stance="deny")],
        id="dismissed-as",
    ),
    pytest.param(
        "The ministry denied that it had sold the shipyard.",
        [Seen(("The ministry",), "denied", "it had sold the shipyard", stance="deny")],
        id="denied-that",
    ),
    pytest.param(
        "The ministry called the reports baseless.",
        [Seen(("The ministry",), "called", "the reports baseless", stance="deny")],
        id="called-baseless",
    ),
    pytest.param(
        "A spokesman for the ministry declined to comment on the reports.",
        [
            Seen(
                ("A spokesman for the ministry",),
                "declined to comment",
                "the reports",
                stance="no_confirmation",
                certainty="unknown",
            )
        ],
        id="declined-to-comment",
    ),
    pytest.param(
        "The council voiced concern about the rising cost of the new bridge.",
        [
            Seen(
                ("The council",),
                "voiced concern about",
                "the rising cost of the new bridge",
                stance="concern",
            )
        ],
        id="voiced-concern-about",
    ),
    pytest.param(
        "The ministry condemned the attack on the harbour.",
        [Seen(("The ministry",), "condemned", "the attack on the harbour", stance="condemn")],
        id="condemned",
    ),
    pytest.param(
        "The ministry has not confirmed the sale but defended the decision to close the yard.",
        [
            Seen(
                ("The ministry",),
                "has not confirmed",
                "the sale",
                stance="no_confirmation",
                certainty="unknown",
            ),
            Seen(("The ministry",), "defended", "the decision to close the yard"),
        ],
        id="conjoined-verbs-share-subject",
    ),
    pytest.param(
        "Ada Brennick said that the yard could be sold, claiming that the buyers had already paid.",
        [
            Seen(("Ada Brennick",), "said", "the yard could be sold", certainty="possible"),
            Seen(("Ada Brennick",), "claiming", "the buyers had already paid"),
        ],
        id="participle-claiming-after-said",
    ),
    pytest.param(
        "The ministry accused the union of sabotage, claiming that its members had damaged the cranes.",
        [
            Seen(("The ministry",), "accused", "the union of sabotage"),
            Seen(("The ministry",), "claiming", "its members had damaged the cranes"),
        ],
        id="participle-claiming-after-accused",
    ),
    pytest.param(
        "Minister Ada Brennick said the strike was led by the dock workers' union, "
        "which was founded in 1921.",
        [Seen(("Minister Ada Brennick",), "said", "the strike was led by the dock workers' union")],
        id="relative-clause-cut",
    ),
    pytest.param(
        "The Dunmore Herald reported that the harbour master said the cranes had been damaged.",
        [
            Seen(
                ("The Dunmore Herald",),
                "reported",
                "the harbour master said the cranes had been damaged",
            ),
            Seen(("The Dunmore Herald", "the harbour master"), "said", "the cranes had been damaged"),
        ],
        id="nested-attribution",
    ),
    pytest.param(
        "The Dunmore Herald reported that a port official quoted the harbour master as saying the "
        "cranes were damaged.",
        [
            Seen(
                ("The Dunmore Herald",),
                "reported",
                "a port official quoted the harbour master as saying the cranes were damaged",
            ),
            Seen(
                ("The Dunmore Herald", "a port official", "the harbour master"),
                "quoted",
                "the cranes were damaged",
            ),
        ],
        id="nested-quoted-as-saying",
    ),
    pytest.param(
        "The harbour master said the cranes were damaged. He added that repairs would take months.",
        [
            Seen(("The harbour master",), "said", "the cranes were damaged"),
            Seen(("He",), "added", "repairs would take months", certainty="possible"),
        ],
        id="two-sentences",
    ),
    pytest.param(
        "The Dunmore Herald reported, citing two port officials, that the harbour would close.",
        [
            Seen(
                ("The Dunmore Herald", "two port officials"),
                "reported",
                "the harbour would close",
                certainty="possible",
            )
        ],
        id="citing-before-the-clause",
    ),
    pytest.param(
        "“We do not comment on rumours.” The ministry has not confirmed the sale.",
        [
            Seen(
                ("The ministry",),
                "has not confirmed",
                "the sale",
                stance="no_confirmation",
                certainty="unknown",
            )
        ],
        id="quote-before-a-negated-sentence",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_attribution_source_cue_content_stance(extractor: Extractor, text: str, expected: list[Seen]) -> None:
    assert [seen(a) for a in extract(extractor, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [c for c in CASES if not c.marks])
def test_attribution_spans_are_slices_of_the_report(
    extractor: Extractor, text: str, expected: list[Seen]
) -> None:
    report = make_report(text)
    attributions = extractor.extract(report)
    assert attributions
    spans = [
        span
        for a in attributions
        for span in [a.cue, a.content, *a.content_fragments, *(m.span for m in a.chain if m.span)]
    ]
    for span in spans:
        assert 0 <= span.start < span.end <= len(report.text)
        assert span.text == report.text[span.start : span.end]
    for attribution in attributions:
        for quantity in attribution.quantities:
            assert (
                attribution.content.start
                <= quantity.span.start
                < quantity.span.end
                <= attribution.content.end
            )
            assert quantity.span.text == report.text[quantity.span.start : quantity.span.end]


def test_attribution_said_that_content_leaves_out_that(extractor: Extractor) -> None:
    text = "Mayor Ilse Varga said that the bridge had reopened."
    (attribution,) = extract(extractor, text)
    assert attribution.content.start == text.index("the bridge")
    assert not attribution.content.text.lower().startswith("that")


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [
        pytest.param(
            INVERTED,
            [False, True],
            id="citing-anonymous",
        ),
        pytest.param(
            "The Dunmore Herald quoted a senior official as saying the harbour would stay closed.",
            [False, True],
            id="quoted-senior-official",
        ),
        pytest.param(
            "The Dunmore Herald's source said the shipyard had been sold.", [False, True], id="outlet-source"
        ),
        pytest.param(
            "The Dunmore Herald quoted Minister Ada Brennick as saying that the harbour would stay closed.",
            [False, False],
            id="quoted-named-minister",
        ),
        pytest.param(
            "Ada Brennick's source said the shipyard had been sold.",
            [False, True],
            id="person-source",
        ),
        pytest.param(
            "The shipyard had been sold, according to a source close to Ada Brennick.",
            [True],
            id="source-close-to-person",
        ),
    ],
)
def test_attribution_chain_marks_anonymous_links(
    extractor: Extractor, text: str, anonymous: list[bool]
) -> None:
    (attribution,) = extract(extractor, text)
    assert [m.anonymous for m in attribution.chain] == anonymous


def test_attribution_chain_describes_outlet_and_anonymous_official(extractor: Extractor) -> None:
    text = INVERTED
    (attribution,) = extract(extractor, text)
    outlet, official = attribution.chain
    assert (outlet.kind, outlet.canonical) == ("news_outlet", "Dunmore Herald")
    assert (official.kind, official.anonymous, official.canonical) == (
        "official",
        True,
        "unnamed port official",
    )
    assert attribution.source == outlet
    assert attribution.origin == official


def test_attribution_split_quote_keeps_both_fragments(extractor: Extractor) -> None:
    text = "“The harbour will stay closed until the storm passes,” she said, “and the ferries will not run.”"
    (attribution,) = extract(extractor, text)
    assert [f.text for f in attribution.content_fragments] == [
        "“The harbour will stay closed until the storm passes,”",
        "“and the ferries will not run.”",
    ]
    assert attribution.direct


def test_attribution_split_quote_across_sentences(extractor: Extractor) -> None:
    text = (
        "“The harbour will stay closed,” the minister said. "
        "“The ferries will not run until the storm has passed.”"
    )
    (attribution,) = extract(extractor, text)
    assert [m.span.text for m in attribution.chain if m.span] == ["the minister"]
    assert [f.text for f in attribution.content_fragments] == [
        "“The harbour will stay closed,”",
        "“The ferries will not run until the storm has passed.”",
    ]


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        pytest.param(
            "“The harbour will stay closed,” said Ilse Varga, the mayor of Dunmore, who has led the town "
            "through three winters of storms and one long strike at the docks. "
            "“The ferries will not run until the storm has passed.”",
            ["“The harbour will stay closed,”", "“The ferries will not run until the storm has passed.”"],
            id="after-a-long-apposition",
        ),
        pytest.param(
            "“The harbour will stay closed,” said the mayor. “Far too dangerous.”",
            ["“The harbour will stay closed,”", "“Far too dangerous.”"],
            id="short-quote-opening-a-sentence",
        ),
        pytest.param(
            "“The harbour will stay closed,” the mayor said.\n\n"
            "“The ferries will not run until the storm has passed.”",
            ["“The harbour will stay closed,”", "“The ferries will not run until the storm has passed.”"],
            id="next-paragraph",
        ),
        pytest.param(
            "“The harbour will stay closed,” the mayor said. “The ferries will not run until the storm has "
            "passed.”\n\n“We will reopen the port as soon as the pilots say it is safe.”",
            [
                "“The harbour will stay closed,”",
                "“The ferries will not run until the storm has passed.”",
                "“We will reopen the port as soon as the pilots say it is safe.”",
            ],
            id="quote-after-quote",
        ),
        pytest.param(
            "“The harbour will stay closed,” the mayor said. “The fact that the pilots refused to sail tells "
            "you how bad the storm is.”",
            [
                "“The harbour will stay closed,”",
                "“The fact that the pilots refused to sail tells you how bad the storm is.”",
            ],
            id="a-cue-inside-the-quote-is-the-speakers-wording",
        ),
    ],
)
def test_attribution_quote_carries_on_its_speaker(
    extractor: Extractor, text: str, fragments: list[str]
) -> None:
    attribution = next(a for a in extract(extractor, text) if a.cue.text == "said")
    assert [f.text for f in attribution.content_fragments] == fragments


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "“The harbour will stay closed,” the mayor said. The crowd outside the town hall cheered.\n\n"
            "“What kind of people do we have here?”",
            id="another-sentence-between",
        ),
        pytest.param(
            "“The harbour will stay closed,” the mayor said. “It is too dangerous,” the harbour master said.",
            id="a-quote-with-its-own-cue",
        ),
    ],
)
def test_attribution_quote_does_not_carry_on_its_speaker(extractor: Extractor, text: str) -> None:
    mayor = next(a for a in extract(extractor, text) if a.chain and a.chain[0].canonical.endswith("mayor"))
    assert [f.text for f in mayor.content_fragments] in ([], ["“The harbour will stay closed,”"])
    assert mayor.content.text == "“The harbour will stay closed,”"


def test_attribution_participle_content_ends_before_it(extractor: Extractor) -> None:
    text = "The ministry accused the union of sabotage, claiming that its members had damaged the cranes."
    outer, inner = extract(extractor, text)
    assert outer.content.end <= text.index(", claiming")
    assert inner.chain == outer.chain


@pytest.mark.parametrize(
    ("text", "blocked", "expected"),
    [
        pytest.param(
            "The harbour master said the cranes were damaged.\nReaders said they loved our new app, "
            "the editor said.\nThe ministry denied that it had sold the shipyard.",
            "Readers said they loved our new app, the editor said.",
            [("said", "the cranes were damaged"), ("denied", "it had sold the shipyard")],
            id="middle-paragraph",
        ),
        pytest.param(
            "Our editors said that you can support this newsletter today.\n"
            "The ministry denied that it had sold the shipyard.",
            "Our editors said that you can support this newsletter today.",
            [("denied", "it had sold the shipyard")],
            id="first-paragraph",
        ),
    ],
)
def test_attribution_boilerplate_yields_nothing(
    extractor: Extractor, text: str, blocked: str, expected: list[tuple[str, str]]
) -> None:
    # Without the boilerplate range the blocked paragraph gives attributions of its own.
    assert len(extract(extractor, text)) > len(expected)
    start = text.index(blocked)
    report = make_report(text, boilerplate=(Boilerplate(start, start + len(blocked), "appeal"),))
    attributions = extractor.extract(report)
    assert [(a.cue.text, a.content.text) for a in attributions] == expected
    for attribution in attributions:
        for span in [attribution.cue, attribution.content, *(m.span for m in attribution.chain if m.span)]:
            assert not report.in_boilerplate(span.start, span.end)
            assert span.text == report.text[span.start : span.end]


def test_attribution_report_of_only_boilerplate_has_none(extractor: Extractor) -> None:
    text = "Our editors said that you can support this newsletter today."
    report = make_report(text, boilerplate=(Boilerplate(0, len(text), "appeal"),))
    assert extractor.extract(report) == ()


@pytest.mark.parametrize(
    ("text", "published", "expression", "event_date"),
    [
        ("Ada Brennick said on Tuesday that the harbour would reopen.", PUBLISHED, "on Tuesday", PUBLISHED),
        (
            "Ada Brennick said on Friday that the harbour would reopen.",
            PUBLISHED,
            "on Friday",
            dt.date(2024, 10, 18),
        ),
        (
            INVERTED,
            PUBLISHED,
            "Tuesday",
            PUBLISHED,
        ),
        (
            "Ada Brennick said yesterday that the ferry had sunk.",
            PUBLISHED,
            "yesterday",
            dt.date(2024, 10, 21),
        ),
        (
            "Ada Brennick said last week that the ferry had sunk.",
            PUBLISHED,
            "last week",
            dt.date(2024, 10, 15),
        ),
        ("Ada Brennick said on Tuesday that the harbour would reopen.", None, "on Tuesday", None),
        ("Ada Brennick said that the harbour would reopen.", PUBLISHED, None, None),
        pytest.param(
            "The yard will close next year, Ada Brennick said in a statement on Monday.",
            PUBLISHED,
            "on Monday",
            dt.date(2024, 10, 21),
            id="in-a-statement-on-monday",
        ),
        pytest.param(
            "The ferry had sunk, Ada Brennick said Tuesday morning.",
            PUBLISHED,
            "Tuesday morning",
            PUBLISHED,
            id="tuesday-morning",
        ),
    ],
)
def test_attribution_event_date_from_the_cue(
    extractor: Extractor,
    text: str,
    published: dt.date | None,
    expression: str | None,
    event_date: dt.date | None,
) -> None:
    (attribution,) = extract(extractor, text, published=published)
    assert (attribution.date_expression, attribution.event_date) == (expression, event_date)


def test_attribution_participle_inherits_the_date(extractor: Extractor) -> None:
    text = "The shipyard had been sold, the ministry said Tuesday, adding that the buyer had paid in cash."
    attributions = extract(extractor, text)
    # The span model may or may not take "Tuesday" into the cue ("said Tuesday"); the date is the verb's.
    assert [(a.cue.text.split()[0], a.event_date) for a in attributions] == [
        ("said", PUBLISHED),
        ("adding", PUBLISHED),
    ]


def test_attribution_quantities_in_content(extractor: Extractor) -> None:
    text = "Officials in Valeport said the flood had damaged 300 homes and about 2,000 cars in 2023."
    (attribution,) = extract(extractor, text)
    assert [(q.value, q.unit, q.approximate, q.span.text) for q in attribution.quantities] == [
        (300.0, "homes", False, "300"),
        (2000.0, "cars", True, "about 2,000"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The shipyard is said to have been sold to a foreign buyer.",
            id="is-said-to",
        ),
        pytest.param("The shipyard was allegedly sold to a foreign buyer.", id="allegedly"),
    ],
)
def test_attribution_reportative_without_source(extractor: Extractor, text: str) -> None:
    (attribution,) = extract(extractor, text)
    assert attribution.chain == ()
    assert attribution.certainty == "probable"


def test_attribution_extract_many_keeps_report_order(extractor: Extractor) -> None:
    texts = ["The ministry denied the report.", "Nothing was said.", "The council condemned the attack."]
    reports = [make_report(t) for t in texts]
    many = extractor.extract_many(reports, batch_size=2)
    assert [[a.cue.text for a in found] for found in many] == [["denied"], [], ["condemned"]]
    assert many == [extractor.extract(r) for r in reports]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The harbour master toured the flooded quay and said the pumps would run all night.",
            Seen(("The harbour master",), "said", "the pumps would run all night", certainty="possible"),
            id="and-said",
        ),
        pytest.param(
            "Councillor Brea Tamsin opened the hearing, saying that the budget had been cut twice.",
            Seen(("Councillor Brea Tamsin",), "saying", "the budget had been cut twice"),
            id="comma-saying",
        ),
        pytest.param(
            "The ferry captain ended the briefing by saying the crossing would resume on Monday.",
            Seen(
                ("The ferry captain",), "saying", "the crossing would resume on Monday", certainty="possible"
            ),
            id="by-saying",
        ),
    ],
)
def test_attribution_cue_shares_the_subject_of_its_verb(
    extractor: Extractor, text: str, expected: Seen
) -> None:
    assert [seen(a) for a in extract(extractor, text)] == [expected]


def test_attribution_quoted_as_saying_is_not_the_quoters_own(extractor: Extractor) -> None:
    [attribution] = extract(extractor, "The agency quoted a pilot as saying that the runway was clear.")
    assert (seen(attribution).sources, attribution.cue.text) == (("The agency", "a pilot"), "quoted")


@pytest.mark.parametrize(
    ("text", "source", "fragments"),
    [
        pytest.param(
            "The new ferry, the harbour master said, would run twice a day.",
            "the harbour master",
            ["The new ferry", "would run twice a day"],
            id="mid-sentence",
        ),
        pytest.param(
            "In the long run, several economists say, the levy will cost more than it raises.",
            "several economists",
            ["In the long run", "the levy will cost more than it raises"],
            id="after-an-adverbial",
        ),
        pytest.param(
            "“The pumps are working,” the engineer said, “but the quay is still under water.”",
            "the engineer",
            ["“The pumps are working,”", "“but the quay is still under water.”"],
            id="split-quote",
        ),
    ],
)
def test_attribution_parenthetical_cue_takes_both_sides(
    extractor: Extractor, text: str, source: str, fragments: list[str]
) -> None:
    [attribution] = extract(extractor, text)
    assert seen(attribution).sources == (source,)
    assert [f.text for f in attribution.content_fragments] == fragments
    assert attribution.content.text in fragments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A new survey of harbour workers shows that most of them earn less than last year.",
            Seen(("A new survey of harbour workers",), "shows", "most of them earn less than last year"),
            id="shows-clause",
        ),
        pytest.param(
            "The dockers' union called for an inquiry into the flooding.",
            Seen(("The dockers' union",), "called for", "an inquiry into the flooding"),
            id="called-for",
        ),
        pytest.param(
            "The ferry operators' association endorsed Councillor Tamsin.",
            Seen(("The ferry operators' association",), "endorsed", "Councillor Tamsin"),
            id="endorsed-object",
        ),
    ],
)
def test_attribution_learned_cue(extractor: Extractor, text: str, expected: Seen) -> None:
    assert [seen(a) for a in extract(extractor, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The port authority did not endorse the plan.", id="negated"),
        pytest.param("The crane seems to have failed overnight.", id="raising-verb"),
        pytest.param("“The union wants a new contract,” Tamsin said.", id="inside-a-quote"),
    ],
)
def test_attribution_learned_cue_left_out(extractor: Extractor, text: str) -> None:
    assert all(a.cue.text in {"said"} for a in extract(extractor, text))


def test_attribution_source_keeps_its_closing_bracket(extractor: Extractor) -> None:
    [attribution] = extract(extractor, "Sen. Ada Brennick (R-Dunmore) said the levy was unfair.")
    assert seen(attribution).sources == ("Sen. Ada Brennick (R-Dunmore)",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mayor Varga: Ferry will run again by spring\nThe mayor spoke at the quay.",
            [Seen(("Mayor Varga",), ":", "Ferry will run again by spring")],
            id="headline",
        ),
        pytest.param(
            "VARGA: We will reopen the quay before the storm season.",
            [Seen(("VARGA",), ":", "We will reopen the quay before the storm season")],
            id="transcript",
        ),
        pytest.param("Update: The ferry timetable has changed for the winter.", [], id="not-a-speaker"),
        pytest.param("BOOM: The ferry timetable has changed for the winter.", [], id="exclamation"),
    ],
)
def test_attribution_speaker_label_opens_a_paragraph(
    extractor: Extractor, text: str, expected: list[Seen]
) -> None:
    assert [seen(a) for a in extract(extractor, text)] == expected


def test_attribution_quote_before_its_own_sentence_of_cue(extractor: Extractor) -> None:
    text = "“The ferry will run again before the storms come.” Varga said."
    [attribution] = extract(extractor, text)
    assert seen(attribution) == Seen(
        ("Varga",), "said", "“The ferry will run again before the storms come.”", direct=True
    )


def test_attribution_double_apostrophes_quote(extractor: Extractor) -> None:
    text = "''We have the money for the new quay and the pumps,'' Varga said."
    [attribution] = extract(extractor, text)
    assert seen(attribution) == Seen(
        ("Varga",), "said", "''We have the money for the new quay and the pumps,''", direct=True
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The union accused the port authority of hiding the figures.",
            "the port authority of hiding the figures",
        ),
        ("The mayor praised the crews for their work during the storm.", "the crews for their work"),
    ],
)
def test_attribution_object_content_keeps_what_follows_it(
    extractor: Extractor, text: str, content: str
) -> None:
    [attribution] = extract(extractor, text)
    assert attribution.content.text == content


def test_attribution_quote_before_told_reporters(extractor: Extractor) -> None:
    text = "The council met on Monday. “The quay will reopen in May,” Varga told reporters. It ended early."
    [attribution] = extract(extractor, text)
    assert seen(attribution) == Seen(("Varga",), "told", "“The quay will reopen in May,”", direct=True)


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        pytest.param(
            "The Dunmore Herald reported that the convoy was heading for the Kessel Valley, where local "
            "farmers say hundreds of trucks have passed this week.",
            ("local farmers",),
            id="comma-set-where-clause-is-the-writers-aside",
        ),
        pytest.param(
            "The Dunmore Herald reported that the convoy was carrying fuel that the drivers say was stolen.",
            ("The Dunmore Herald", "the drivers"),
            id="restrictive-clause-stays-relayed",
        ),
    ],
)
def test_attribution_chain_of_a_speaker_in_a_relative_clause(
    extractor: Extractor, text: str, chain: tuple[str, ...]
) -> None:
    inner = [a for a in extract(extractor, text) if a.cue.text == "say"]
    assert [seen(a).sources for a in inner] == [chain]


@pytest.mark.parametrize(
    ("text", "source", "canonical", "fragments"),
    [
        pytest.param(
            "Halvard Maritime, a shipping company based in Dunmore, released photographs on Monday that it "
            "said showed 40 damaged containers on the quay.",
            "Halvard Maritime, a shipping company based in Dunmore",
            "Halvard Maritime",
            ["photographs", "showed 40 damaged containers on the quay"],
            id="it-is-the-subject-of-the-clause-the-noun-is-in",
        ),
    ],
)
def test_attribution_report_inside_a_relative_clause(
    extractor: Extractor, text: str, source: str, canonical: str | None, fragments: list[str]
) -> None:
    attribution = next(a for a in extract(extractor, text) if a.cue.text == "said")
    assert attribution.chain[0].span is not None
    assert attribution.chain[0].span.text == source
    if canonical is not None:
        assert attribution.chain[0].canonical == canonical
    assert [f.text for f in attribution.content_fragments] == fragments


def test_attribution_source_named_without_its_description(extractor: Extractor) -> None:
    text = "Northwind Survey Systems, a commercial drone operator, said the quay had been damaged."
    [attribution] = extract(extractor, text)
    assert attribution.chain[0].canonical == "Northwind Survey Systems"
    assert attribution.chain[0].kind == "organisation"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Varga said the council had doubled patrols on the quay, "
            "but that the ferries were running normally.",
            "the council had doubled patrols on the quay, but that the ferries were running normally",
            id="but-that",
        ),
        pytest.param(
            "The mayor said the harbour was fit to reopen - but she is adapting the plan.",
            "the harbour was fit to reopen - but she is adapting the plan",
            id="but-with-its-own-subject",
        ),
    ],
)
def test_attribution_content_runs_on_over_a_second_clause(
    extractor: Extractor, text: str, content: str
) -> None:
    [attribution] = extract(extractor, text)
    assert attribution.content.text == content


def test_attribution_second_cue_is_not_run_on(extractor: Extractor) -> None:
    text = "Varga said the council had closed the quay, and she added that the ferries were running normally."
    contents = sorted(a.content.text for a in extract(extractor, text))
    assert contents == ["the council had closed the quay", "the ferries were running normally"]


def test_attribution_reportative_names_who_it_is_said_of(extractor: Extractor) -> None:
    text = "The harbour master is a veteran, but has reportedly been critical of the council for months."
    [attribution] = extract(extractor, text)
    assert attribution.cue.text == "reportedly"
    assert [f.text for f in attribution.content_fragments] == [
        "The harbour master",
        "has reportedly been critical of the council for months",
    ]


def test_attribution_according_to_source_keeps_what_describes_it(extractor: Extractor) -> None:
    text = "The ferry will resume on Monday, according to a timetable published by the council on Friday."
    [attribution] = extract(extractor, text)
    assert attribution.chain[0].span is not None
    assert attribution.chain[0].span.text == "a timetable published by the council on Friday"
    assert attribution.content.text == "The ferry will resume on Monday"
