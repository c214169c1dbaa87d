"""Reading an uploaded export from a multipart form (the API's and the web page's).

The body's size is limited before it is read (`middleware.UPLOAD_PATHS`); here the form is checked
for what an import needs: one file, an optional source app, units and name mappings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from backbone.domain.errors import InputError
from backbone.services.importing import parse_overrides

FILE_FIELD = "file"
MAX_FORM_FIELDS = 60
"""a file, its options and up to ~50 `map` pairs"""


@dataclass(frozen=True, slots=True)
class Upload:
    content: bytes
    file_name: str
    source: str | None
    units: str | None
    overrides: dict[str, str]


def _text(form: FormData, name: str) -> str | None:
    value = form.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()


async def read_upload(request: Request, check: Callable[[FormData], None] | None = None) -> Upload:
    """The file and options of an import form; InputError without a file, with an empty one or
    a body that is no multipart form. `check` sees the form first (a page's CSRF token)."""
    try:
        form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS)
    except (HTTPException, ValueError, KeyError) as error:
        detail = getattr(error, "detail", None) or str(error) or "malformed form"
        raise InputError(f"Could not read the upload: {detail}", {"field": FILE_FIELD}) from None
    try:
        if check is not None:
            check(form)
        return await _upload(form)
    finally:
        await form.close()


async def _upload(form: FormData) -> Upload:
    sent = form.get(FILE_FIELD)
    if not isinstance(sent, UploadFile):
        raise InputError(
            f"Send the export as a file in the multipart field '{FILE_FIELD}'.",
            {"field": FILE_FIELD},
        )
    content = await sent.read()
    if not content.strip():
        raise InputError("The uploaded file is empty.", {"field": FILE_FIELD})
    name = (sent.filename or "upload.csv").replace("\\", "/").rsplit("/", 1)[-1] or "upload.csv"
    pairs = [v for v in form.getlist("map") if isinstance(v, str) and v.strip()]
    return Upload(
        content=content,
        file_name=name[-200:],
        source=_text(form, "source"),
        units=_text(form, "units"),
        overrides=parse_overrides(pairs),
    )
