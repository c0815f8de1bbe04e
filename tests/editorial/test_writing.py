"""Reading grade and wording checks on known texts."""

import pytest

from editorial.writing import reading_grade, reading_report, wording_warnings

PLAIN = (
    "A taper means you lower your dose slowly. Your prescriber plans each step with you. "
    "If you feel worse, you can slow down. You do not have to do this alone."
)

DENSE = (
    "Pharmacological discontinuation of benzodiazepine receptor agonists necessitates individualized, "
    "clinician-supervised dose-reduction schedules, considering pharmacokinetic heterogeneity, "
    "comorbid psychiatric presentations, and concomitant medication interactions. "
    "Abrupt cessation following prolonged administration precipitates potentially life-threatening "
    "withdrawal phenomena, including generalized tonic-clonic seizures."
)


def test_plain_text_reads_at_a_low_grade():
    """Short sentences with common words score well under grade 8."""
    report = reading_report(PLAIN)
    assert report.grade is not None and report.grade < 6
    assert not report.above_target


def test_dense_text_is_flagged_with_its_longest_sentences():
    """Clinical jargon scores above grade 8 and names the sentences to shorten, longest first."""
    report = reading_report(DENSE + " " + PLAIN)
    assert report.above_target
    assert report.longest_sentences[0].startswith("Pharmacological discontinuation")
    assert len(report.longest_sentences) == 3


def test_too_little_text_has_no_grade():
    """A heading alone is not graded."""
    assert reading_grade("Get help now.") is None


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("My brother is an addict.", "addict"),
        ("Former addicts can help others.", "Former addicts"),
        ("She is a drug abuser.", "drug abuser"),
        ("We treat substance abuse.", "substance abuse"),
        ("He stayed clean for a year.", "stayed clean"),
        ("The test came back dirty.", "came back dirty"),
        ("Bring a clean urine sample.", "clean urine"),
        ("It started as a drug habit.", "drug habit"),
        ("Her uncle was an alcoholic.", "alcoholic"),
    ],
)
def test_stigmatising_terms_are_found_with_a_suggestion(text, phrase):
    """Each stigmatising term is reported with a person-first alternative and its sentence."""
    [warning] = wording_warnings(text)
    assert warning.category == "stigmatising"
    assert warning.phrase == phrase
    assert warning.suggestion
    assert warning.sentence == text


@pytest.mark.parametrize(
    "text, suggestion_part",
    [
        ("He committed suicide last spring.", "died by suicide"),
        ("It was a successful attempt.", "died by suicide"),
        ("After a failed attempt she got help.", "survived"),
        ("He hanged himself.", "leave out how"),
    ],
)
def test_unsafe_suicide_wording_is_found_with_the_safe_alternative(text, suggestion_part):
    """Unsafe suicide wording, including method detail, is flagged with safe wording."""
    [warning] = wording_warnings(text)
    assert warning.category == "suicide"
    assert suggestion_part in warning.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Drink clean water and eat regular meals.",
        "Keep your room clean and quiet before bed.",
        "The National Institute on Drug Abuse funds this research.",
        "The Substance Abuse and Mental Health Services Administration runs the helpline.",
        "A person with a substance use disorder deserves care.",
        "She died by suicide, and her family got support.",
        "People who use drugs can get naloxone.",
    ],
)
def test_acceptable_text_is_not_flagged(text):
    """Everyday uses and the names of agencies are not wording problems."""
    assert wording_warnings(text) == []
