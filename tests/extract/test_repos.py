from kg.extract.repos import normalise_repository
from tests.extract.conftest import typed


def test_normalised_with_sub_path():
    assert normalise_repository("https://www.github.com/facebookresearch/DETR/tree/main/d2.") \
        == ("github.com/facebookresearch/detr", "tree/main/d2")
    assert normalise_repository("see gitlab.com/Group/Proj.git,") == ("gitlab.com/group/proj",
                                                                      None)
    assert normalise_repository("https://github.com/topics/nlp") is None


def test_repository_offsets_and_known_owner(extract):
    text = "Code: https://github.com/NVIDIA/Megatron-LM/blob/main/README.md. Thanks."
    found = extract(text)
    (repo,) = [m for m in found.mentions if m.type == "Repository"]
    assert repo.name == "github.com/nvidia/megatron-lm"
    assert text[repo.start:repo.end] == "https://github.com/NVIDIA/Megatron-LM/blob/main/README.md"
    assert dict(repo.attrs) == {"subPath": "blob/main/README.md"}
    assert ("NVIDIA", "Organization") in typed(found)


def test_personal_owner_is_not_an_organization(extract):
    found = extract("Our code is at https://github.com/someuser42/cool-model.")
    assert {m.type for m in found.mentions} == {"Repository"}


def test_organisation_like_owners_become_organizations(extract):
    found = extract("Code: https://github.com/salt-nlp/demo, https://github.com/NVlabs/tool "
                    "and https://github.com/jdoe42/scripts and https://github.com/karpathy/x.")
    orgs = {m.name for m in found.mentions if m.type == "Organization"}
    assert {"salt-nlp", "NVlabs"} <= orgs
    assert not orgs & {"jdoe42", "karpathy"}


def test_a_camel_case_personal_handle_is_not_an_organization(extract):
    found = extract("Code: https://github.com/JaneDoe/fastseg and https://github.com/OpenXLab/x.")
    orgs = {m.name for m in found.mentions if m.type == "Organization"}
    assert "OpenXLab" in orgs and "JaneDoe" not in orgs


def test_a_known_owner_keeps_its_written_name_with_the_lexicons_as_alias(extract):
    found = extract("Weights: https://github.com/allenai/olmo-x and https://github.com/nvidia/y.")
    orgs = {m.name: m.aliases for m in found.mentions if m.type == "Organization"}
    assert orgs == {"allenai": ("Allen Institute for AI",), "NVIDIA": ()}


def test_a_framework_whose_github_organisation_owns_the_repository(extract):
    found = extract("Code is at https://github.com/pytorch/torchtune and "
                    "https://github.com/tensorflow/tensor2tensor.")
    orgs = {m.name for m in found.mentions if m.type == "Organization"}
    assert {"pytorch", "tensorflow"} <= {o.lower() for o in orgs}


def test_an_owner_handle_naming_a_known_organisation_is_one(extract):
    found = extract("Code: https://github.com/samsung-vision/FastSplat and "
                    "https://github.com/jdoe-lab2/tools.")
    orgs = {m.name for m in found.mentions if m.type == "Organization"}
    assert "samsung-vision" in orgs and "jdoe-lab2" not in orgs


def test_an_account_named_for_its_project_or_with_a_company_word_is_an_organization(extract):
    found = extract("Code: https://github.com/fastfold/FastFold, https://github.com/grid-x/gridx, "
                    "https://github.com/acme-corp/tool, https://github.com/deep-machines/net "
                    "and https://github.com/janedoe/sketchnet.")
    orgs = {m.name for m in found.mentions if m.type == "Organization"}
    assert {"fastfold", "grid-x", "acme-corp", "deep-machines"} <= orgs
    assert "janedoe" not in orgs
