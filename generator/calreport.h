/*
 * calreport.h - the calibration report: the figures of calib.h as a
 * document (the same writers as every kit) and as a CSV for spreadsheets.
 */
#ifndef KG_CALREPORT_H
#define KG_CALREPORT_H

#include "buf.h"
#include "calib.h"
#include "doc.h"

/* The report (the caller frees it with kg_doc_free). With anonymise,
 * interviewers appear as pseudonyms. */
kg_doc *kg_compose_calibration(const kg_card_kit *ck,
			       const kg_calibration *c, int anonymise);
/* The same figures, one row per question, dimension and interviewer,
 * appended to out as CSV (RFC 4180, a header line first). */
void kg_calibration_csv(const kg_calibration *c, int anonymise, kg_buf *out);

#endif
