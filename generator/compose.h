/*
 * compose.h - the pieces every composition shares: sections with anchors,
 * lists of texts, signals, rubrics, questions. compose.c builds the public
 * kit with them, packet.c the panel packets, compose_candidate.c the
 * candidate's guides; compose_edition.c picks which for an edition
 * (edition.h).
 */
#ifndef KG_COMPOSE_H
#define KG_COMPOSE_H

#include "buf.h"
#include "doc.h"
#include "edition.h"
#include "kit.h"

/* A section whose anchor is prefix-suffix (or prefix alone). */
kg_block *kg_c_section(kg_block *parent, int level, const char *prefix,
		       const char *suffix, const char *title, unsigned flags);
/* A bulleted list of the texts; nothing for an empty list. */
void kg_c_list(kg_block *parent, const kg_list *items);
/* Signals as label: detail fields. */
void kg_c_signals(kg_block *parent, const kg_signal *s, size_t n);
/* The three bands, labelled as the rating scale labels them. */
void kg_c_rubric(const kg_kit *kit, kg_block *parent, const kg_rubric *r);
/* A topic's answer key (what a strong answer contains, acceptable
 * trade-offs, where to push) and its red flags. */
void kg_c_answer_key(const kg_kit *kit, kg_block *parent, const kg_topic *t);
/* A question's code listing and its task; nothing without code. */
void kg_c_code(const kg_kit *kit, kg_block *parent, const kg_question *q);
/* Its hint ladder, an ordered list; nothing without hints. */
void kg_c_hints(kg_block *parent, const kg_question *q);
/* Its samples: strong, acceptable (when it has one) and weak, each with
 * why it is rated so where the kit says. */
void kg_c_samples(const kg_kit *kit, kg_block *parent, const kg_question *q);
/* One question: prompt, code listing and task, recruiter cues, hints,
 * the strong, acceptable and weak samples with their reasons, follow-ups;
 * a section titled "Q<number> · <Level>". */
void kg_c_question(const kg_kit *kit, kg_block *parent, int level,
		   const kg_question *q, size_t number);
/* The title of a level / an area, from its id. */
const char *kg_c_level_title(const kg_kit *kit, const char *id);
const char *kg_c_area_title(const kg_kit *kit, const char *id);
/* Append a single-line field's text (a title, a name, a label) to
 * Markdown source, escaped, so that it reads as the text it is wherever
 * it lands: never emphasis, a link, a heading or a list. Every title
 * that composes into prose goes through here. */
void kg_c_put_line(kg_buf *md, const char *text);
/* A table cell / a field whose value is a single-line field's text. */
kg_block *kg_c_line_cell(kg_block *row, const char *text);
kg_block *kg_c_line_field(kg_block *fields, const char *label, const char *text);
/* A new document with its metadata filled in. */
kg_doc *kg_c_document(const kg_kit *kit, const kg_edition *ed,
		      const char *digest);

/* Compose one edition of a checked kit into a new document (the caller
 * frees it with kg_doc_free): the public kit, a panel packet or a
 * candidate's guide.
 * digest is the kit's content digest. */
kg_doc *kg_compose(const kg_kit *kit, const kg_edition *ed, const char *digest);

kg_doc *kg_compose_public(const kg_kit *kit, const kg_edition *ed,
			  const char *digest);
kg_doc *kg_compose_packet(const kg_kit *kit, const kg_edition *ed,
			  const char *digest);
/* A part of a packet (edition.h: its loop plan, one round, its debrief
 * sheet; packet.c), with what cast fills in on its cover and forms
 * (loopfill.h; NULL for none: a build's). */
struct kg_loop_cast;
kg_doc *kg_compose_packet_part(const kg_kit *kit, const kg_edition *ed,
			       const char *digest,
			       const struct kg_loop_cast *cast);
/* kg_compose with a cast: a part of a packet filled in for a loop
 * (kitgen loop); any other edition as kg_compose makes it. */
kg_doc *kg_compose_cast(const kg_kit *kit, const kg_edition *ed,
			const char *digest, const struct kg_loop_cast *cast);
/* A candidate's guide (compose_candidate.c): nothing a candidate may not
 * see. */
kg_doc *kg_compose_candidate(const kg_kit *kit, const kg_edition *ed,
			     const char *digest);

#endif
