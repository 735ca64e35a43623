"""Several PDFs as one, for printing a round's sheets in one go (issue 20 §6): pyHanko's writer.

The pages are copied as they are (their footers, QR codes and drawn signer blocks included); the
signature fields and signatures are not: a signature covers its own file's bytes, so the combined
file is a print copy and the per-sheet files stay the signed record.
"""

from __future__ import annotations

import io


def combine(pdfs: list[bytes], *, title: str = "") -> bytes:
    """One PDF holding every page of `pdfs`, in order (an empty list is refused with ValueError)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import PdfFileWriter, _ObjectImporter

    if not pdfs:
        raise ValueError("nothing to combine")
    writer = PdfFileWriter(stream_xrefs=False)
    for pdf in pdfs:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        count = int(reader.root["/Pages"]["/Count"])
        # one importer a source file: the pages share its fonts and images, copied once
        importer = _ObjectImporter(source=reader, target=writer, obj_stream=None, reference_map={})
        for index in range(count):
            page_ref, _resources = reader.find_page_for_modification(index)
            source = page_ref.get_object()
            page = generic.DictionaryObject({key: value for key, value in source.items()
                                             if key not in ("/Parent", "/Annots")})
            # inherited attributes (MediaBox, Resources) are copied down onto the page itself
            for key in ("/MediaBox", "/Resources", "/CropBox", "/Rotate"):
                if key not in page:
                    inherited = reader.find_page_container(index)[0].get_object().get(key)
                    if inherited is not None:
                        page[generic.NameObject(key)] = inherited
            imported = importer.import_object(page)
            writer.insert_page(imported)
    if title:
        writer.set_info(generic.DictionaryObject({generic.NameObject("/Title"): generic.TextStringObject(title),
                                                  generic.NameObject("/Creator"): generic.TextStringObject("hvp-desktop")}))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
