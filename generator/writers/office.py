"""One running LibreOffice for many conversions, and where each document's body ends.

A batch of DOCX files is converted to PDF by one ``soffice`` process: a small Basic macro
(installed in the batch's private profile) opens each file hidden, reads from the layout
how many pages it has and on which pages the body ends and the 版记 stands (the
bookmarks layout.imprint names), exports the PDF and closes it. Where
the macro cannot run, one ``soffice --convert-to pdf`` call converts every file instead
(without measurements).
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import NamedTuple

from generator.core.location import ToolError
from generator.writers.pdf import TIMEOUT, _environment, _run, find_soffice

from generator.layout.imprint import BODY_END, IMPRINT_ANCHOR
PER_FILE = 60                  # seconds added to the batch timeout for each file

_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Workplan" script:language="StarBasic">
Sub Convert(sJob As String)
  iIn = FreeFile
  Open sJob For Input As #iIn
  iOut = FreeFile
  Open sJob &amp; ".out" For Output As #iOut
  Do While Not EOF(iIn)
    Line Input #iIn, sLine
    a = Split(sLine, Chr(9))
    Print #iOut, ConvertOne(a(0), a(1), a(2))
  Loop
  Close #iOut
  Close #iIn
End Sub

Function ConvertOne(sIn As String, sOut As String, sMeasure As String) As String
  Dim oDoc As Object
  On Error GoTo Failed
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden"
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), "_blank", 0, aLoad())
  sResult = "ok"
  If sMeasure = "1" Then
    oCtl = oDoc.getCurrentController()
    sResult = sResult &amp; " " &amp; oCtl.getPropertyValue("PageCount")
    oMarks = oDoc.getBookmarks()
    REM The floating 版记 table becomes a frame on import, and its bookmark may come back
    REM renamed ("IMPRINT_ANCHOR Copy 1"): take the one whose name starts with it.
    sImprint = ""
    For Each sName In oMarks.getElementNames()
      If Left(sName, Len("IMPRINT_ANCHOR")) = "IMPRINT_ANCHOR" Then sImprint = sName
    Next
    If oMarks.hasByName("BODY_END") And sImprint &lt;&gt; "" Then
      oVC = oCtl.getViewCursor()
      oVC.gotoRange(oMarks.getByName("BODY_END").getAnchor().getStart(), False)
      sResult = sResult &amp; " " &amp; oVC.getPage()
      oVC.gotoRange(oMarks.getByName(sImprint).getAnchor().getStart(), False)
      sResult = sResult &amp; " " &amp; oVC.getPage()
    End If
  End If
  Dim aOut(0) As New com.sun.star.beans.PropertyValue
  aOut(0).Name = "FilterName"
  aOut(0).Value = "writer_pdf_Export"
  oDoc.storeToURL(ConvertToURL(sOut), aOut())
  oDoc.close(True)
  ConvertOne = sResult
  Exit Function
Failed:
  ConvertOne = "error " &amp; Err &amp; " " &amp; Error$
  If Not IsNull(oDoc) And Not IsEmpty(oDoc) Then oDoc.close(True)
End Function
</script:module>
""".replace("BODY_END", BODY_END).replace("IMPRINT_ANCHOR", IMPRINT_ANCHOR)

_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Workplan"/>
</library:library>
"""
_DIALOGS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"/>
"""
_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/{name}.xlb/" xlink:type="simple" library:link="false"/>
</library:libraries>
"""


class BodyEnd(NamedTuple):
    """Where LibreOffice lays out a document's end: its page count, the page of the end of
    the body (bookmark ``_WpBodyEnd``) and of the 版记 (``_WpImprint``, in its last row)."""

    pages: int
    page: int
    imprint: int


class Converted(NamedTuple):
    """A converted document: the PDF, and where the body ends (None when not measured)."""

    pdf: bytes
    end: BodyEnd | None


def _install_macro(soffice: str, profile: Path, env: dict[str, str]) -> None:
    """Create the private profile (LibreOffice fills a new one with its own Basic library
    on first start) and put the conversion macro into its Standard library."""
    _run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
          "--nologo", "--norestore", "--nolockcheck", "--terminate_after_init"],
         env, profile.parent, TIMEOUT)
    basic = profile / "user" / "basic"
    (basic / "Standard").mkdir(parents=True, exist_ok=True)
    (basic / "Standard" / "Workplan.xba").write_text(_MODULE, encoding="utf-8")
    (basic / "Standard" / "script.xlb").write_text(_LIBRARY, encoding="utf-8")
    if not (basic / "Standard" / "dialog.xlb").is_file():
        (basic / "Standard" / "dialog.xlb").write_text(_DIALOGS, encoding="utf-8")
    for name in ("script", "dialog"):
        if not (basic / f"{name}.xlc").is_file():
            (basic / f"{name}.xlc").write_text(_CONTAINER.format(name=name), encoding="utf-8")


def _parse(line: str) -> BodyEnd | None | str:
    """Return the measurement in one line of the macro's output, None when there is none,
    or the error text the macro reported."""
    fields = line.split()
    if not fields or fields[0] != "ok":
        return line.partition(" ")[2] or "LibreOffice 未返回结果"
    if len(fields) < 4:
        return None
    return BodyEnd(int(fields[1]), int(fields[2]), int(fields[3]))


def convert_batch(documents: list[bytes], *, measure: bool = True,
                  timeout: int | None = None) -> list[Converted]:
    """Convert DOCX documents to PDF with one LibreOffice process; return them in order.

    With ``measure``, each one's BodyEnd is read from LibreOffice's layout (None for a
    document without the bookmark). Raises ToolError when LibreOffice is missing, fails
    on a document or times out.
    """
    if not documents:
        return []
    soffice = find_soffice()
    timeout = timeout or TIMEOUT + PER_FILE * len(documents)
    with tempfile.TemporaryDirectory(prefix="workplan-pdf-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        profile.mkdir()
        env = _environment(profile)
        _install_macro(soffice, profile, env)
        names = [f"d{index:05d}" for index in range(len(documents))]
        for name, data in zip(names, documents):
            (work / f"{name}.docx").write_bytes(data)
        job = work / "job.txt"
        job.write_text("".join(f"{work / n}.docx\t{work / n}.pdf\t{int(measure)}\n" for n in names),
                       encoding="utf-8")
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--invisible", "--nologo", "--norestore", "--nolockcheck",
                   f'macro:///Standard.Workplan.Convert("{job}")']
        result = _run(command, env, work, timeout)
        out = job.with_name("job.txt.out")
        if not out.is_file():
            return _convert_plainly(soffice, work, names, result, timeout)
        return [_collect(work / f"{name}.pdf", line)
                for name, line in zip(names, _lines(out, len(names)))]


def _lines(out: Path, count: int) -> list[str]:
    lines = out.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines + ["error LibreOffice 未转换该文件"] * (count - len(lines))


def _collect(pdf: Path, line: str) -> Converted:
    """Return the converted file and its measurement. Raises ToolError for a failure."""
    end = _parse(line)
    if isinstance(end, str) or not pdf.is_file():
        raise ToolError(f"LibreOffice 未能把 DOCX 转换为 PDF：{end or '没有生成 PDF'}")
    return Converted(pdf.read_bytes(), end)


def _convert_plainly(soffice: str, work: Path, names: list[str], first, timeout: int
                     ) -> list[Converted]:
    """Convert every file with one ``soffice --convert-to pdf`` call (no measurements),
    for a LibreOffice that could not run the macro. Raises ToolError on failure."""
    profile = work / "profile-plain"
    profile.mkdir()
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--invisible", "--nologo", "--norestore", "--nolockcheck",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work / "out"),
               *[str(work / f"{name}.docx") for name in names]]
    result = _run(command, _environment(profile), work, timeout)
    converted = []
    for name in names:
        target = work / "out" / f"{name}.pdf"
        if not target.is_file():
            detail = (result.stderr or result.stdout or first.stderr).decode("utf-8", "replace").strip()
            detail = detail.splitlines()[-1] if detail else f"退出码 {result.returncode}"
            raise ToolError(f"LibreOffice 未能把 DOCX 转换为 PDF：{detail}")
        converted.append(Converted(target.read_bytes(), None))
    return converted
