/*
 * lazylib.h - the libraries only a few commands use, loaded when first
 * needed instead of when kitgen starts: libqpdf (reading a filled score
 * card, cardpdf.c) and libmicrohttpd (kitgen serve, serve_http.c).
 *
 * Why: linked, they and what they pull in (GnuTLS, p11-kit, libstdc++,
 * libjpeg, ...) are mapped, relocated and initialised by every run:
 * 5.4 MB of the peak RSS of a build that never calls them (kitgen
 * --version: 10.4 MB linked, 4.9 MB loaded lazily), a twelfth of a
 * 1,000-topic kit's published PDF.
 *
 * Use: call kg_lazy_qpdf (kg_lazy_mhd) before the first call into the
 * library; then the library's own names call it, through the function
 * pointers below (the macros at the end of this header). A library that
 * cannot be loaded is an error, its message from kg_lazy_*. Loading is
 * not thread-safe: do it before starting threads (serve does).
 */
#ifndef KG_LAZYLIB_H
#define KG_LAZYLIB_H

#include <microhttpd.h>
#include <qpdf/qpdf-c.h>

/* Every function kitgen calls, by its name in the library. */
#define KG_QPDF_FUNCS(X)                                                       \
	X(qpdf_cleanup) X(qpdf_get_error) X(qpdf_get_error_message_detail)   \
	X(qpdf_get_info_key) X(qpdf_get_root) X(qpdf_has_error) X(qpdf_init) \
	X(qpdf_oh_get_array_item) X(qpdf_oh_get_array_n_items)               \
	X(qpdf_oh_get_key) X(qpdf_oh_get_name) X(qpdf_oh_get_object_id)      \
	X(qpdf_oh_get_utf8_value) X(qpdf_oh_has_key) X(qpdf_oh_is_array)     \
	X(qpdf_oh_is_dictionary) X(qpdf_oh_is_indirect) X(qpdf_oh_is_name)   \
	X(qpdf_oh_is_string) X(qpdf_read) X(qpdf_set_suppress_warnings)      \
	X(qpdf_silence_errors)

#define KG_MHD_FUNCS(X)                                                        \
	X(MHD_add_response_header) X(MHD_create_response_from_buffer)        \
	X(MHD_create_response_from_callback) X(MHD_destroy_response)         \
	X(MHD_get_daemon_info) X(MHD_lookup_connection_value)                 \
	X(MHD_queue_response) X(MHD_start_daemon) X(MHD_stop_daemon)

#define KG_LAZY_FIELD(f) __typeof__(f) *f;
typedef struct kg_qpdf_fns {
	KG_QPDF_FUNCS(KG_LAZY_FIELD)
} kg_qpdf_fns;
typedef struct kg_mhd_fns {
	KG_MHD_FUNCS(KG_LAZY_FIELD)
} kg_mhd_fns;
#undef KG_LAZY_FIELD

extern kg_qpdf_fns kg_qpdf;
extern kg_mhd_fns kg_mhd;

/* Load the library once: NULL, or why it cannot be (a message that
 * names it, valid until the next call). */
const char *kg_lazy_qpdf(void);
const char *kg_lazy_mhd(void);

#ifndef KG_LAZYLIB_IMPL
#define qpdf_cleanup (kg_qpdf.qpdf_cleanup)
#define qpdf_get_error (kg_qpdf.qpdf_get_error)
#define qpdf_get_error_message_detail (kg_qpdf.qpdf_get_error_message_detail)
#define qpdf_get_info_key (kg_qpdf.qpdf_get_info_key)
#define qpdf_get_root (kg_qpdf.qpdf_get_root)
#define qpdf_has_error (kg_qpdf.qpdf_has_error)
#define qpdf_init (kg_qpdf.qpdf_init)
#define qpdf_oh_get_array_item (kg_qpdf.qpdf_oh_get_array_item)
#define qpdf_oh_get_array_n_items (kg_qpdf.qpdf_oh_get_array_n_items)
#define qpdf_oh_get_key (kg_qpdf.qpdf_oh_get_key)
#define qpdf_oh_get_name (kg_qpdf.qpdf_oh_get_name)
#define qpdf_oh_get_object_id (kg_qpdf.qpdf_oh_get_object_id)
#define qpdf_oh_get_utf8_value (kg_qpdf.qpdf_oh_get_utf8_value)
#define qpdf_oh_has_key (kg_qpdf.qpdf_oh_has_key)
#define qpdf_oh_is_array (kg_qpdf.qpdf_oh_is_array)
#define qpdf_oh_is_dictionary (kg_qpdf.qpdf_oh_is_dictionary)
#define qpdf_oh_is_indirect (kg_qpdf.qpdf_oh_is_indirect)
#define qpdf_oh_is_name (kg_qpdf.qpdf_oh_is_name)
#define qpdf_oh_is_string (kg_qpdf.qpdf_oh_is_string)
#define qpdf_read (kg_qpdf.qpdf_read)
#define qpdf_set_suppress_warnings (kg_qpdf.qpdf_set_suppress_warnings)
#define qpdf_silence_errors (kg_qpdf.qpdf_silence_errors)
#define MHD_add_response_header (kg_mhd.MHD_add_response_header)
#define MHD_create_response_from_buffer (kg_mhd.MHD_create_response_from_buffer)
#define MHD_create_response_from_callback (kg_mhd.MHD_create_response_from_callback)
#define MHD_destroy_response (kg_mhd.MHD_destroy_response)
#define MHD_get_daemon_info (kg_mhd.MHD_get_daemon_info)
#define MHD_lookup_connection_value (kg_mhd.MHD_lookup_connection_value)
#define MHD_queue_response (kg_mhd.MHD_queue_response)
#define MHD_start_daemon (kg_mhd.MHD_start_daemon)
#define MHD_stop_daemon (kg_mhd.MHD_stop_daemon)
#endif

#endif
