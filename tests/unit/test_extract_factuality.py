"""The reading of an event's factuality in hand-made sentences, through the real spaCy model."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from claimledger.extract import Extractor
from claimledger.extract.factuality import (
    certainty_of_value,
    event_word,
    factuality_of,
    read_event,
    weaker_certainty,
)
from claimledger.extract.factuality_model import LinearModel, shipped_model
from claimledger.extract.nlp import doc_from_words
from claimledger.models import Certainty, Report, ReportMeta


def target(nlp: Language, sentence: str, word: str) -> Token:
    doc = doc_from_words(nlp, sentence.split(" "))
    return next(token for token in doc if token.text == word)


@pytest.mark.slow
def test_factuality_keeps_the_dataset_tokens(nlp: Language) -> None:
    """Token i of the Doc is token i of the dataset, even where spaCy would split differently."""
    words = ["The", "ministry", "said", "rebels", "hadn't", "shelled", "the", "U.S.-run", "depot", "."]
    doc = doc_from_words(nlp, words)
    assert [t.text for t in doc] == words
    assert doc.has_annotation("DEP")
    assert read_event(doc[5]).negated  # the whole-token contraction still negates


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "low", "high"),
    [
        # plain past facts
        ("Rebels shelled the fuel depot outside Dorvan on Tuesday .", "shelled", 2.7, 3.0),
        ("The ferry sank in the harbour last night .", "sank", 2.7, 3.0),
        # reported: a reported simple past is told as fact; a reportative adverb weakens it
        ("The ministry said troops crossed the river at dawn .", "crossed", 2.5, 3.0),
        ("The ministry said that troops have crossed the river .", "crossed", 2.5, 3.0),
        ("Rebels reportedly shelled the depot .", "shelled", 1.5, 2.8),
        # hedged by a modal
        ("Rebels may shell the fuel depot outside Dorvan .", "shell", 0.5, 2.0),
        ("Rebels could shell the fuel depot tonight .", "shell", 0.5, 1.5),
        # conditional
        ("If troops cross the river , the town will be evacuated .", "cross", 0.0, 1.5),
        ("Troops will withdraw if the talks succeed .", "succeed", 0.0, 1.5),
        # wanted or planned, not done
        ("The mayor plans to build a bridge over the river .", "build", 0.5, 2.0),
        ("The mayor wants to build a bridge over the river .", "build", 0.0, 1.5),
        # asked, not told
        ("Did troops cross the river ?", "cross", 0.0, 2.0),
    ],
)
def test_factuality_reads_plain_reported_hedged_and_conditional_events(
    nlp: Language, sentence: str, word: str, low: float, high: float
) -> None:
    assert low <= factuality_of(target(nlp, sentence, word)) <= high


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Rebels did not shell the fuel depot .", "shell"),
        ("Rebels did n't shell the fuel depot .", "shell"),
        ("Rebels never shelled the fuel depot .", "shelled"),
        ("No rebels shelled the fuel depot .", "shelled"),
        ("Troops failed to cross the river .", "cross"),
        ("The mayor refused to build a bridge .", "build"),
        ("There is nothing preventing the bank from buying shares .", "preventing"),
        ("The villagers were too afraid to stay .", "stay"),
        ("Nor do analysts expect the deal to close this year .", "expect"),
        ("Rally officials were n't available to comment late yesterday .", "comment"),
        ("The company has not been able to pay its debts .", "pay"),
        ("The firm was unable to pay its debts .", "pay"),
        ("Neither he nor his aides could be reached on Monday .", "reached"),
        ("The police have yet to find the driver .", "find"),
        ("Critics condemned the council 's failure to repair the bridge .", "repair"),
        ("The minister said the country would no longer accept refugees .", "accept"),
    ],
)
def test_factuality_negated_events_are_negative(nlp: Language, sentence: str, word: str) -> None:
    event = target(nlp, sentence, word)
    assert read_event(event).negated
    assert read_event(event).value <= -1.5
    assert factuality_of(event) <= -1.0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The team ceased looking at new designs .", "looking"),
        ("The spokesman refrained from commenting on the deal .", "commenting"),
        ("The police barred the crowd from reaching the consulate .", "reaching"),
        ("The court kept the company from selling its shares .", "selling"),
        ("Instead of paying the fine , the firm went to court .", "paying"),
    ],
)
def test_factuality_what_is_given_up_or_kept_from_did_not_happen(
    nlp: Language, sentence: str, word: str
) -> None:
    event = target(nlp, sentence, word)
    assert read_event(event).negated
    assert read_event(event).value <= -1.5
    assert factuality_of(event) < 0.0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "aim"),
    [
        ("Shares fell 50 cents to close at 20 dollars .", "close", "The bank sold to close the fund ."),
        ("The index dropped 9 % to reach a new low .", "reach", "The mayor flew to reach a deal ."),
    ],
)
def test_factuality_where_a_change_in_value_ended_happened(
    nlp: Language, sentence: str, word: str, aim: str
) -> None:
    """ "fell to close at": the close happened, unlike the aim of "sold shares to close the fund"."""
    event = target(nlp, sentence, word)
    assert read_event(event).frames == ("result",)
    assert factuality_of(event) > 2.5 > factuality_of(target(nlp, aim, word))


@pytest.mark.slow
def test_factuality_keeping_on_is_not_keeping_from(nlp: Language) -> None:
    """ "kept looking" happened; only "kept them from looking" did not."""
    event = target(nlp, "The team kept looking at new designs .", "looking")
    assert not read_event(event).negated
    assert factuality_of(event) > 2.0


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry denied that troops crossed the river .",
        "The ministry denied that troops had crossed the river overnight .",
        "The ministry dismissed reports that troops crossed the river .",
    ],
)
def test_factuality_denied_events_are_negative(nlp: Language, sentence: str) -> None:
    event = target(nlp, sentence, "crossed")
    assert "deny" in read_event(event).frames
    assert factuality_of(event) < 0.0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Officials were not available for comment .", "comment"),
        ("The spokesman could not be reached for comment .", "comment"),
    ],
)
def test_factuality_what_a_negated_clause_is_for_did_not_happen(
    nlp: Language, sentence: str, word: str
) -> None:
    """The rules deny it; the model, taught by UW's annotators, leaves it about open."""
    event = target(nlp, sentence, word)
    available = target(nlp, "Officials were available for comment .", "comment")
    assert read_event(event).negated
    assert read_event(event).value < -1.5
    assert factuality_of(event) < 0.5 < 2.0 < factuality_of(available)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Ferry crossing delayed after storm", "crossing"),
        ("The ferry crossing was delayed after the storm .", "crossing"),
        ("Lawmakers say the deal had been killed by the ministry .", "deal"),
    ],
)
def test_factuality_called_off_events_are_open_at_best(nlp: Language, sentence: str, word: str) -> None:
    event = target(nlp, sentence, word)
    assert "cancelled" in read_event(event).frames
    assert (
        factuality_of(event)
        < 1.0
        < factuality_of(target(nlp, "The ferry crossing took an hour .", "crossing"))
    )


@pytest.mark.slow
def test_factuality_a_finite_conjunct_is_a_clause_of_its_own(nlp: Language) -> None:
    """ "did n't offer ..., and gave ...": "gave" cannot share "did n't", so it is not denied."""
    sentence = "The bank did n't offer enough money , and gave the firm a deadline ."
    assert (
        factuality_of(target(nlp, sentence, "offer"))
        < 0.0
        < 2.5
        < factuality_of(target(nlp, sentence, "gave"))
    )


@pytest.mark.slow
def test_factuality_below_the_cue_reads_what_the_source_says(nlp: Language) -> None:
    """Under "denied", the denier's own words ("troops crossed") are told as fact, not denied."""
    words = ["The", "ministry", "denied", "that", "troops", "crossed", "the", "river", "."]
    doc = doc_from_words(nlp, words)
    denied, crossed = doc[2], doc[5]
    assert factuality_of(crossed) < 0.0
    assert factuality_of(crossed, below=denied) >= 2.5
    assert read_event(crossed, below=denied).frames == ()


@pytest.mark.slow
def test_factuality_orders_commitment(nlp: Language) -> None:
    """Told as fact > reportedly > hedged > wanted > 0 > denied > did not; values may move, the order not."""
    fact = factuality_of(target(nlp, "Troops crossed the river .", "crossed"))
    reported = factuality_of(target(nlp, "Troops reportedly crossed the river .", "crossed"))
    may = factuality_of(target(nlp, "Troops may cross the river .", "cross"))
    wants = factuality_of(target(nlp, "The general wants to cross the river .", "cross"))
    denied = factuality_of(target(nlp, "The general denied that troops crossed the river .", "crossed"))
    negated = factuality_of(target(nlp, "Troops did not cross the river .", "cross"))
    assert fact > reported > may > wants > 0 > denied > negated


@pytest.mark.slow
def test_factuality_an_irrealis_noun_reads_like_its_verb(nlp: Language) -> None:
    """An attempt to cross (tried) < a plan to cross (planned) < an agreement to cross (agreed)."""

    def value(noun: str) -> float:
        return factuality_of(target(nlp, f"The rebels made {noun} to cross the river .", "cross"))

    assert value("an attempt") < value("a plan") < value("an agreement")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("wanted", "done", "word"),
    [
        ("The rebels sought asylum in France .", "The rebels found asylum in France .", "asylum"),
        ("The union wants a recount of the vote .", "The union held a recount of the vote .", "recount"),
    ],
)
def test_factuality_what_is_sought_or_wanted_is_not_yet_done(
    nlp: Language, wanted: str, done: str, word: str
) -> None:
    """The object of a wanting verb is as unrealised as its infinitive: the verb's whole share."""
    sought, found = target(nlp, wanted, word), target(nlp, done, word)
    assert read_event(sought).frames == ("irrealis",)
    assert read_event(sought).value <= 1.5
    assert factuality_of(sought) < factuality_of(found) - 0.4


@pytest.mark.slow
def test_factuality_having_talks_is_no_obligation(nlp: Language) -> None:
    """ "has to" is irrealis; "had talks" is not."""
    talks = target(nlp, "The leaders had talks in Paris .", "talks")
    assert "irrealis" not in read_event(talks).frames
    assert factuality_of(talks) > 2.5


@pytest.mark.slow
def test_factuality_reports_its_hedges(nlp: Language) -> None:
    reading = read_event(target(nlp, "The ministry said troops would probably withdraw .", "withdraw"))
    assert {"would", "probably"} <= set(reading.hedges)
    assert "report" in reading.frames
    assert 0 < reading.value < 2


@pytest.mark.parametrize(
    ("value", "certainty"),
    [
        (3.0, "certain"),
        (1.5, "certain"),
        (-2.0, "certain"),
        (1.2, "probable"),
        (-1.0, "probable"),
        (0.7, "possible"),
        (0.2, "unknown"),
        (0.0, "unknown"),
        (-0.3, "unknown"),
    ],
)
def test_factuality_certainty_of_value(value: float, certainty: Certainty) -> None:
    assert certainty_of_value(value) == certainty


@pytest.mark.parametrize(
    ("first", "second", "weaker"),
    [
        ("certain", "probable", "probable"),
        ("possible", "certain", "possible"),
        ("unknown", "possible", "unknown"),
        ("certain", "certain", "certain"),
    ],
)
def test_factuality_weaker_certainty(first: Certainty, second: Certainty, weaker: Certainty) -> None:
    assert weaker_certainty(first, second) == weaker


def test_factuality_shipped_model_weighs_the_rules() -> None:
    model = shipped_model()
    assert model.weights
    assert {"rule_value", "negated"} <= set(model.weights)
    assert model.weights["rule_value"] > 0  # the rules' value still carries the prediction


def test_factuality_linear_model_clips_to_the_scale() -> None:
    model = LinearModel(intercept=1.0, weights={"a": 2.0, "b": -1.0})
    assert model.predict({"a": 0.5, "unseen": 9.0}) == 2.0
    assert model.predict({"a": 5.0}) == 3.0
    assert model.predict({"b": 10.0}) == -3.0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The ministry said troops withdrew from the border.", "certain"),
        ("The ministry said troops did not withdraw from the border.", "certain"),
        ("The ministry said troops may withdraw from the border.", "possible"),
        # "should" is no hedge word, but the event is told as not yet done
        ("The ministry said troops should withdraw from the border.", "probable"),
    ],
)
def test_factuality_weakens_the_extractors_certainty(
    extractor: Extractor, text: str, certainty: Certainty
) -> None:
    report = Report(id="0123456789abcdef", origin="invented.txt", text=text, meta=ReportMeta())
    (attribution,) = extractor.extract(report)
    assert attribution.certainty == certainty


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "verb"),
    [
        ("The chief executive may step down next year .", "down", "step"),
        ("The project needs more sales to break even .", "even", "break"),
    ],
)
def test_factuality_reads_a_particle_as_its_verb(nlp: Language, sentence: str, word: str, verb: str) -> None:
    particle = target(nlp, sentence, word)
    assert event_word(particle).text == verb
    assert factuality_of(particle) == factuality_of(target(nlp, sentence, verb)) < 2.5
