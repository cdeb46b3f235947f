"""Reading CommerceML 2 files as 1C writes them, safely and in constant memory.

1C's exchange files come from outside: they are parsed with entities, the network and huge
trees off, and a file that declares a DTD (which no 1C export has; entity bombs need one) is
refused before parsing. Elements are streamed with ``iterparse`` and cleared once handled.
"""

import re

from lxml import etree

# The CommerceML 2 versions 1C's "exchange with a site" writes (ВерсияСхемы).
SUPPORTED_VERSIONS = ("2.05", "2.06", "2.07", "2.08", "2.09", "2.10")
ROOT_TAG = "КоммерческаяИнформация"
# A document sent back by 1C may come alone, without the root (CS-Cart's sample does).
FRAGMENT_ROOTS = ("Документ",)
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_HEAD_BYTES = 65536


class CommerceMLError(ValueError):
    """A file that cannot be imported at all; ``line`` is where the parser stopped."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.line = line


def local(tag):
    """The tag without its namespace: ``{urn:1C.ru:commerceml_210}Товар`` -> ``Товар``."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def child(element, name):
    """The first child element named ``name`` (any namespace), or None."""
    for sub in element:
        if local(sub.tag) == name:
            return sub
    return None


def children(element, name):
    return [sub for sub in element if local(sub.tag) == name]


def text(element, name, default=""):
    """The stripped text of the child ``name`` of ``element``; ``name`` may be a path a/b."""
    for part in name.split("/"):
        element = child(element, part) if element is not None else None
    if element is None or element.text is None:
        return default
    return element.text.strip()


def number(value):
    """A decimal number as 1C writes it ("1 250,50", "16"); None for an empty one."""
    value = (value or "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def requisites(element):
    """The ЗначенияРеквизитов of ``element`` as a dict (name -> value)."""
    block = child(element, "ЗначенияРеквизитов")
    if block is None:
        return {}
    return {text(item, "Наименование"): text(item, "Значение") for item in block}


def iter_elements(path, wanted, starts=()):
    """Stream the file at ``path``: yield ``("end", element)`` at the end of every element whose
    ``(local name, depth)`` is in ``wanted`` (the root has depth 0), then clear it with what came
    before it, so memory stays bounded; yield ``("start", element)`` at the start of those in
    ``starts`` (their attributes are read, their content is not there yet).

    :raise CommerceMLError: a DTD, a syntax error (truncated or malformed file), a wrong root
        or an unsupported ВерсияСхемы
    """
    with open(path, "rb") as head:
        if _DTD.search(head.read(_HEAD_BYTES)):
            raise CommerceMLError("the file declares a DTD or entities, which 1C never sends", 1)
    parser = etree.iterparse(
        path,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth = 0
    try:
        for event, element in parser:
            if event == "start":
                if depth == 0:
                    check_root(element)
                if (local(element.tag), depth) in starts:
                    yield "start", element
                depth += 1
                continue
            depth -= 1
            if (local(element.tag), depth) in wanted:
                yield "end", element
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
    except etree.XMLSyntaxError as error:
        raise CommerceMLError(f"the XML is not well-formed: {error.msg}", error.lineno) from error


def check(path):
    """Read the whole file without keeping anything of it.

    :raise CommerceMLError: as ``iter_elements``
    """
    for _item in iter_elements(path, ()):
        pass


def check_root(element):
    name = local(element.tag)
    if name in FRAGMENT_ROOTS:
        return
    if name != ROOT_TAG:
        raise CommerceMLError(f"the root element is {name}, not {ROOT_TAG}", element.sourceline)
    version = element.get("ВерсияСхемы", "")
    if version not in SUPPORTED_VERSIONS:
        raise CommerceMLError(
            f"CommerceML version {version or '(none)'} is not supported "
            f"(supported: {SUPPORTED_VERSIONS[0]}–{SUPPORTED_VERSIONS[-1]})",
            element.sourceline,
        )


def only_changes(attrib):
    """Whether a Каталог / ПакетПредложений holds only changes (СодержитТолькоИзменения)."""
    return attrib.get("СодержитТолькоИзменения", "false").strip().lower() == "true"
