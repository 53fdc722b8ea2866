"""Cross-document event coreference and story grouping on ECB+ (train or dev), with the lemma baseline.

Reads `DIR/ECB+/<topic>/*.xml`, keeps the gold `ACTION_*`/`NEG_ACTION_*` mentions of the sentences
listed in `ECBplus_coreference_sentences.csv`, and clusters them within each topic the way claimledger
matches statements into claims: by the mention's lemma plus the content terms of its sentence
(link/terms.py), weighted by rarity, inside the stories that link/stories.py groups the documents into.
Prints MUC, B³, CEAF-e and CoNLL F1 for that clustering and for the same-lemma baseline, and the B³ F1
of the document → story grouping against the ecb/ecbplus sub-topics. Only train and dev exist here.

    python bench/ecbplus.py --split dev [--data DIR] [--predictions FILE]

The last line printed is one JSON object: conll_f1 and lemma_conll_f1 in percent, story_b3_f1 in 0–1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.lexicon import CONFIRMATION_VERBS, SPEECH_VERBS
from claimledger.extract.nlp import load_nlp
from claimledger.link.stories import build_stories, report_vectors
from claimledger.link.terms import stem
from claimledger.models import Report, ReportMeta
from claimledger.settings import Settings
from coref_score import b_cubed, clusters_of, conll

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
EVENT_PREFIXES = ("ACTION_", "NEG_ACTION_")
# Same-lemma mentions in one story corefer when their sentences are this alike (cosine of weighted
# terms); reporting acts (claimledger's speech verbs: say, tell, confirm …) need far more, as each
# speaker's saying is an event of its own. Tuned on the train topics.
STORY_CONTEXT = 0.03
REPORTING_CONTEXT = 0.3
REPORTING = frozenset(stem(verb) for verb in SPEECH_VERBS | CONFIRMATION_VERBS)


@dataclass(frozen=True)
class Mention:
    """A gold event mention: `doc#m_id`, where it is, its tokens and its gold cluster."""

    key: str
    topic: str
    doc: str
    sentence: int
    words: tuple[str, ...]
    token_numbers: tuple[int, ...]
    gold: str
    lemma: str = ""


@dataclass(frozen=True)
class Document:
    """One ECB+ document: its sentences as token lists."""

    name: str
    topic: str
    subtopic: str
    sentences: dict[int, list[str]]

    @property
    def text(self) -> str:
        """The document's sentences, one a line, without the source URL the ecbplus documents begin with.

        The URL line is a collection artefact, only in ecbplus documents; kept, it would tell the two
        sub-topics apart by itself.
        """
        return "\n".join(
            " ".join(words)
            for _, words in sorted(self.sentences.items())
            if words and words[0].lower() not in {"http", "https"}
        )


def topics_of(data: Path, split: str) -> list[str]:
    """The topics of `split` according to splits.tsv."""
    with (data / "splits.tsv").open(encoding="utf-8", newline="") as handle:
        return [row["topic"] for row in csv.DictReader(handle, delimiter="\t") if row["split"] == split]


def annotated_sentences(data: Path) -> set[tuple[str, int]]:
    """(document name without .xml, sentence number) of every annotated sentence."""
    with (data / "ECBplus_coreference_sentences.csv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in rows}


def read_document(path: Path, topic: str, annotated: set[tuple[str, int]]) -> tuple[Document, list[Mention]]:
    """A document and its gold event mentions in annotated sentences."""
    root = ET.parse(path).getroot()
    name = path.name
    stem_name = name.removesuffix(".xml")
    tokens: dict[str, tuple[int, int, str]] = {}
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        tokens[token.get("t_id", "")] = (sentence, len(sentences[sentence]), token.text or "")
        sentences[sentence].append(token.text or "")
    gold: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            gold[source.get("m_id", "")] = relation.get("note", "")
    mentions: list[Mention] = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        anchors = [tokens[a.get("t_id", "")] for a in markable.iter("token_anchor")]
        if not markable.tag.startswith(EVENT_PREFIXES) or not anchors:
            continue
        sentence = anchors[0][0]
        if (stem_name, sentence) not in annotated:
            continue
        m_id = markable.get("m_id", "")
        key = f"{name}#{m_id}"
        mentions.append(
            Mention(
                key=key,
                topic=topic,
                doc=name,
                sentence=sentence,
                words=tuple(a[2] for a in anchors),
                token_numbers=tuple(a[1] for a in anchors),
                gold=gold.get(m_id, f"singleton:{key}"),
            )
        )
    subtopic = "ecbplus" if stem_name.endswith("ecbplus") else "ecb"
    return Document(name, topic, subtopic, dict(sentences)), mentions


def read_split(data: Path, split: str) -> tuple[list[Document], list[Mention]]:
    annotated = annotated_sentences(data)
    documents: list[Document] = []
    mentions: list[Mention] = []
    for topic in topics_of(data, split):
        for path in sorted((data / "ECB+" / topic).glob("*.xml")):
            document, found = read_document(path, topic, annotated)
            documents.append(document)
            mentions.extend(found)
    return documents, mentions


def with_lemmas(
    mentions: Sequence[Mention], documents: Mapping[str, Document], nlp: Language
) -> list[Mention]:
    """The mentions with the lowercased lemmas of their tokens, from spaCy on the given tokenisation."""
    wanted = sorted({(m.doc, m.sentence) for m in mentions})
    lemmas: dict[tuple[str, int], list[str]] = {}
    for (doc_name, sentence), parsed in zip(
        wanted, nlp.pipe(Doc(nlp.vocab, words=documents[d].sentences[s]) for d, s in wanted), strict=True
    ):
        lemmas[(doc_name, sentence)] = [token.lemma_.lower() for token in parsed]
    return [
        replace(m, lemma=" ".join(lemmas[(m.doc, m.sentence)][n] for n in m.token_numbers)) for m in mentions
    ]


def lemma_baseline(mentions: Iterable[Mention]) -> dict[str, str]:
    """Mentions with the same lemma(s) in one topic corefer."""
    return {m.key: f"{m.topic}:{m.lemma}" for m in mentions}


def document_stories(documents: Sequence[Document], settings: Settings) -> dict[str, str]:
    """Each document's story, from link/stories.py run on the documents of each topic."""
    by_topic: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_topic[document.topic].append(document)
    story_of: dict[str, str] = {}
    for topic_documents in by_topic.values():
        # Only the text goes into grouping: the gold sub-topic and the ecb/ecbplus file name would give the
        # answer away (cheating), and the name is only the report's id, which no link is computed from.
        reports = [Report(id=d.name, origin=d.name, text=d.text, meta=ReportMeta()) for d in topic_documents]
        stories, _ = build_stories(reports, [], settings=settings)
        story_of.update((member.report_id, story.id) for story in stories for member in story.members)
    return story_of


def event_key(mention: Mention) -> str:
    """What a mention is matched on: the stem of its last lemma (the head of most multi-word mentions)."""
    words = mention.lemma.split()
    return stem(words[-1]) if words else ""


def cluster_events(
    mentions: Sequence[Mention],
    documents: Mapping[str, Document],
    story_of: Mapping[str, str],
    *,
    story_context: float = STORY_CONTEXT,
    reporting_context: float = REPORTING_CONTEXT,
) -> dict[str, str]:
    """Mentions of one lemma in one story corefer when their sentences are alike enough.

    Like claim matching: a mention is its lemma (the strong term) plus its sentence's content terms,
    weighted by rarity within the topic, and matches are linked into clusters (single linkage).
    Mentions in different stories never corefer.
    """
    labels: dict[str, str] = {}
    by_topic: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_topic[mention.topic].append(mention)
    for topic_mentions in by_topic.values():
        contexts = sorted({(m.doc, m.sentence) for m in topic_mentions})
        sentences = [" ".join(documents[doc].sentences[number]) for doc, number in contexts]
        vectors = dict(zip(contexts, report_vectors(sentences), strict=True))
        parent = list(range(len(topic_mentions)))
        candidates: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, mention in enumerate(topic_mentions):
            candidates[(story_of[mention.doc], event_key(mention))].append(i)
        for (_, key), members in candidates.items():
            needed = reporting_context if key in REPORTING else story_context
            for a, i in enumerate(members):
                first = vectors[(topic_mentions[i].doc, topic_mentions[i].sentence)]
                for j in members[a + 1 :]:
                    second = vectors[(topic_mentions[j].doc, topic_mentions[j].sentence)]
                    if _cosine(first, second) >= needed:
                        parent[_root(parent, j)] = _root(parent, i)
        labels.update((m.key, f"{m.topic}:{_root(parent, i)}") for i, m in enumerate(topic_mentions))
    return labels


def _cosine(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    return sum(value * second[term] for term, value in first.items() if term in second)


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _line(label: str, figures: Mapping[str, float]) -> str:
    return (
        f"{label:<22} MUC {figures['muc_f1']:5.1f}  B3 {figures['b3_f1']:5.1f}  "
        f"CEAF-e {figures['ceafe_f1']:5.1f}  CoNLL {figures['conll_f1']:5.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("train", "dev", "test"), required=True)
    parser.add_argument("--predictions", type=Path, help="write predicted event and story clusters as JSON")
    args = parser.parse_args(argv)

    if not (args.data / "ECB+").is_dir() or not (args.data / "splits.tsv").is_file():
        print(
            f"ECB+ data not found at {args.data} (no ECB+/ and splits.tsv there); pass --data DIR",
            file=sys.stderr,
        )
        return 2
    if args.split == "test":
        print(
            "the ECB+ test topics are kept elsewhere and scored at release; use --split dev", file=sys.stderr
        )
        return 2
    settings = Settings()
    documents, mentions = read_split(args.data, args.split)
    by_name = {d.name: d for d in documents}
    mentions = with_lemmas(mentions, by_name, load_nlp(settings.spacy_models))
    gold = clusters_of({m.key: m.gold for m in mentions})
    story_of = document_stories(documents, settings)
    events = cluster_events(mentions, by_name, story_of)
    ours = conll(gold, clusters_of(events))
    baseline = conll(gold, clusters_of(lemma_baseline(mentions)))
    gold_stories = clusters_of({d.name: f"{d.topic}:{d.subtopic}" for d in documents})
    story_b3 = b_cubed(gold_stories, clusters_of({d.name: story_of[d.name] for d in documents})).f1 / 100
    if args.predictions:
        written = {"events": events, "stories": {d.name: story_of[d.name] for d in documents}}
        args.predictions.write_text(json.dumps(written, indent=1) + "\n", "utf-8")
    print(
        f"ECB+ {args.split}: {len(documents)} documents, {len(mentions)} event mentions "
        f"in {len(gold)} gold clusters; {len(set(story_of.values()))} predicted stories "
        f"for {len(gold_stories)} gold sub-topics"
    )
    print(_line("claimledger", ours))
    print(_line("same-lemma baseline", baseline))
    print(f"story grouping B3 F1 {story_b3:.3f}")
    figures = {
        "conll_f1": round(ours["conll_f1"], 2),
        "lemma_conll_f1": round(baseline["conll_f1"], 2),
        "story_b3_f1": round(story_b3, 3),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
