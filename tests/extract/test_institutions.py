"""Universities, institutes and hospitals the organisations lexicon does not list
(kg.extract.institutions), in wording of our own."""

from kg.extract.institutions import institutions
from tests.extract.conftest import typed


def found(text: str, abstract_start: int = 0) -> list[str]:
    return [text[a:b] for a, b in institutions(text, abstract_start)]


def test_names_before_and_after_an_institution_word_in_any_latin_script():
    text = ("Scans came from Zagreb Children's Hospital, the Medical University of Graz and "
            "Hospital Santa Lucía de Cartagena; the tool was written at Çukurova University, "
            "Universität Rostock and the Université de Lorraine.")
    assert found(text) == ["Zagreb Children's Hospital", "Medical University of Graz",
                           "Hospital Santa Lucía de Cartagena", "Çukurova University",
                           "Universität Rostock", "Université de Lorraine"]


def test_two_institutions_joined_by_and_stay_two_but_a_long_name_keeps_its_and():
    text = ("It was built by the University of Porto and Aalto University with the Nordic "
            "Institute for Prevention and Care of Heart Disease and the Institute for "
            "Robotics and Zeta.")
    assert found(text) == ["University of Porto", "Aalto University",
                           "Nordic Institute for Prevention and Care of Heart Disease",
                           "Institute for Robotics"]


def test_data_named_for_an_institution_a_bare_word_and_a_title_are_not_institutions():
    text = ("Predicting Hospital Stays\n\nWe use the Brno University Gait Database and the "
            "Hospital Mortality corpus. In the University, a Hospital in Spain shared data.")
    assert found(text, text.index("\n\n") + 2) == []


def test_an_institution_is_an_organisation_in_an_abstract(extract):
    ents = typed(extract("GaitKit is the Çukurova University toolkit for gait analysis, and "
                         "it was validated at the Medical University of Graz."))
    assert {("Çukurova University", "Organization"),
            ("Medical University of Graz", "Organization")} <= ents
