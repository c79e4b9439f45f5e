"""Metadata in manifests: LOM titles, difficulty and competence classifications, curriculum standards."""

from __future__ import annotations

from kiosk.authoring.interchange.lom import read_metadata
from kiosk.authoring.interchange.model import DraftCompetence
from kiosk.authoring.interchange.xmlsafe import parse_xml
from kiosk.domain.items import Area, Difficulty, Text

IEEE_LOM = """<metadata xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM"><imsmd:lom>
  <imsmd:general>
    <imsmd:identifier><imsmd:catalog>onex-kiosk-bank</imsmd:catalog><imsmd:entry>design-2</imsmd:entry>
      </imsmd:identifier>
    <imsmd:title><imsmd:string language="en">Design II</imsmd:string>
      <imsmd:string language="zh">设计 II</imsmd:string></imsmd:title>
  </imsmd:general>
  <imsmd:lifeCycle><imsmd:version><imsmd:string language="en">4</imsmd:string></imsmd:version>
    </imsmd:lifeCycle>
  <imsmd:educational><imsmd:difficulty><imsmd:source>LOMv1.0</imsmd:source>
    <imsmd:value>difficult</imsmd:value></imsmd:difficulty></imsmd:educational>
  <imsmd:classification>
    <imsmd:purpose><imsmd:source>LOMv1.0</imsmd:source><imsmd:value>competency</imsmd:value></imsmd:purpose>
    <imsmd:taxonPath>
      <imsmd:source><imsmd:string language="en">Design II</imsmd:string></imsmd:source>
      <imsmd:taxon><imsmd:id>reflexive</imsmd:id></imsmd:taxon>
      <imsmd:taxon><imsmd:id>R2</imsmd:id><imsmd:entry>
        <imsmd:string language="en">Responsibility</imsmd:string>
          <imsmd:string language="zh">责任</imsmd:string></imsmd:entry></imsmd:taxon>
    </imsmd:taxonPath>
  </imsmd:classification>
  <imsmd:classification>
    <imsmd:purpose><imsmd:source>LOMv1.0</imsmd:source><imsmd:value>educational objective</imsmd:value>
      </imsmd:purpose>
    <imsmd:taxonPath><imsmd:taxon><imsmd:id>apply</imsmd:id></imsmd:taxon></imsmd:taxonPath>
  </imsmd:classification>
</imsmd:lom></metadata>"""

IMS_MD_AND_CSM = """<metadata xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2"
    xmlns:csm="http://www.imsglobal.org/xsd/imscsmd_v1p0"><imsmd:lom>
  <imsmd:general><imsmd:title><imsmd:langstring xml:lang="en">Cells</imsmd:langstring></imsmd:title>
    </imsmd:general>
  <imsmd:educational><imsmd:difficulty><imsmd:value>
    <imsmd:langstring xml:lang="x-none">very easy</imsmd:langstring></imsmd:value></imsmd:difficulty>
      </imsmd:educational>
</imsmd:lom>
<csm:curriculumStandardsMetadataSet><csm:curriculumStandardsMetadata><csm:setOfGUIDs>
  <csm:labelledGUID><csm:label>P3</csm:label><csm:GUID>urn:x:P3</csm:GUID></csm:labelledGUID>
  <csm:labelledGUID><csm:label>not an id at all</csm:label><csm:GUID>urn:x:y</csm:GUID></csm:labelledGUID>
</csm:setOfGUIDs></csm:curriculumStandardsMetadata></csm:curriculumStandardsMetadataSet></metadata>"""


def test_ieee_lom_gives_the_bank_its_identity_and_items_their_competence() -> None:
    meta = read_metadata(parse_xml(IEEE_LOM.encode(), "m.xml"))
    assert meta.title == Text("Design II", "设计 II")
    assert (meta.bank_id, meta.version) == ("design-2", 4)
    assert (meta.difficulty, meta.difficulty_word) == (Difficulty.HARD, "difficult")
    assert meta.competences == [DraftCompetence("R2", Area.REFLEXIVE, Text("Responsibility", "责任"))]
    assert meta.level == "apply"


def test_ims_metadata_and_curriculum_standards_are_read_too() -> None:
    meta = read_metadata(parse_xml(IMS_MD_AND_CSM.encode(), "m.xml"))
    assert meta.title == Text("Cells")
    assert (meta.difficulty, meta.difficulty_word) == (Difficulty.EASY, "very easy")
    assert meta.competences == [DraftCompetence("P3")]


def test_no_metadata_says_nothing() -> None:
    meta = read_metadata(None)
    assert (meta.title, meta.difficulty, meta.competences, meta.level) == (None, None, [], None)
