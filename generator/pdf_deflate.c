/* pdf_deflate.c - compressing libharu stream objects (see pdf_deflate.h) */
#include "pdf_deflate.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <zlib.h>

#include "alloc.h"
#include "buf.h"

static HPDF_STATUS S_write_filter(HPDF_Dict dict, HPDF_Stream out)
{
	(void)dict;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

int kg_pdf_deflate(HPDF_Dict dict, const char *extra, size_t len)
{
	HPDF_UINT32 size;
	HPDF_UINT got;
	kg_buf raw = KG_BUF_INIT;
	uLongf zlen;
	unsigned char *z;
	int rc = -1;

	if (!dict || !dict->stream || dict->write_fn ||
	    dict->filter != HPDF_STREAM_FILTER_NONE)
		return -1;
	size = HPDF_Stream_Size(dict->stream);
	kg_buf_grow(&raw, size + len);
	got = size;
	if (size && (HPDF_Stream_Seek(dict->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
		     HPDF_Stream_Read(dict->stream, (HPDF_BYTE *)raw.ptr, &got) !=
			     HPDF_OK ||
		     got != size)) {
		kg_buf_release(&raw);
		return -1;
	}
	raw.len = size;
	if (len)
		kg_buf_put(&raw, extra, len);
	zlen = compressBound((uLong)raw.len);
	z = kg_xmalloc(zlen);
	if (compress2(z, &zlen, (const Bytef *)raw.ptr, (uLong)raw.len,
		      KG_PDF_ZLEVEL) == Z_OK) {
		HPDF_MemStream_FreeData(dict->stream);
		if (HPDF_Stream_Write(dict->stream, z, (HPDF_UINT)zlen) == HPDF_OK) {
			dict->write_fn = S_write_filter;
			rc = 0;
		}
	}
	free(z);
	kg_buf_release(&raw);
	return rc;
}
