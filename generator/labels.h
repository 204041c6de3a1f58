/*
 * labels.h - every word kitgen itself puts into a kit, from a labels table.
 *
 * A table maps a key ("toc.title", "cover.version", "pdf.page") to a text
 * that may hold places for values, "{page}", filled by kg_label_put. A
 * text that depends on a number is a plural label: one text per CLDR
 * plural category (zero, one, two, few, many, other; `other` required),
 * chosen by the language's rule for whole numbers (kg_plural_category).
 *
 * Where the tables come from, first to last (later wins, key by key):
 *   1. English, templates/labels/en.yaml, built into the binary
 *      (tools/embed.sh), so every key always has a text;
 *   2. the templates folder's labels/en.yaml, then for a language tag
 *      such as de-CH its files from the least specific up: labels/de.yaml,
 *      labels/de-CH.yaml (a file the folder lacks is taken from the
 *      copies built in, when there is one);
 *   3. kit.yaml's `labels:` mapping.
 * A key no English label has, or a text whose places differ from the
 * English text's, is an error at its place, with "did you mean".
 *
 * The English file's layout is also what `kitgen labels` prints: one key
 * a line, `key: text  # where it shows`, comment lines between groups.
 *
 * Ownership: a kg_labels owns its strings; kg_labels_free frees it. The
 * default table (kg_labels_default) is static and never freed.
 */
#ifndef KG_LABELS_H
#define KG_LABELS_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "node.h"

typedef struct kg_labels kg_labels;

/* The CLDR plural categories. */
enum { KG_PL_ZERO, KG_PL_ONE, KG_PL_TWO, KG_PL_FEW, KG_PL_MANY, KG_PL_OTHER,
       KG_PL_N };
extern const char *const kg_plural_names[KG_PL_N];

/* The built-in English table. */
const kg_labels *kg_labels_default(void);

/* The table for lang (a BCP 47 tag; NULL or "" is English) from the
 * templates folder (may be NULL: the built-in files only), with
 * overrides (kit.yaml's `labels:` mapping, may be NULL) laid over it.
 * Problems go to d; the table is returned all the same (an entry in
 * error keeps its English text). A language with no file is not a
 * problem here (kg_labels_found says so). */
kg_labels *kg_labels_load(const char *templates, const char *lang,
			  const kg_node *overrides, kg_diags *d);
void kg_labels_free(kg_labels *labels);

/* Is tag a well-formed BCP 47 language tag (language, optional script,
 * region and variants)? */
int kg_lang_valid(const char *tag);
/* The language subtag of tag ("de" of "de-CH"), lowercase, in buf of
 * size bytes (cut to fit); buf. */
const char *kg_lang_primary(const char *tag, char *buf, size_t size);
/* Is the language of tag written right to left (Arabic, Hebrew, Persian,
 * Urdu, ...; or its script is Arab or Hebr)? */
int kg_lang_rtl(const char *tag);
/* Is the language of tag written without italics: Chinese, Japanese,
 * Korean, and the right-to-left languages (kg_lang_rtl)? There a slant
 * is a fake; emphasis stays upright (HTML's CSS does the same). */
int kg_lang_upright(const char *tag);
/* The plural category of whole number n in language tag. */
int kg_plural_category(const char *tag, long n);

/* The table's language tag ("en" for English) and direction. */
const char *kg_labels_lang(const kg_labels *labels);
int kg_labels_rtl(const kg_labels *labels);
/* Was there a labels file for the table's language (English always)?
 * Without one its words are English. */
int kg_labels_found(const kg_labels *labels);

/* Call fn with every text of the table, each plural form apart, and
 * where it was written: its value in a labels file (the built-in ones
 * are named templates/labels/NAME.yaml) or in kit.yaml's labels. */
void kg_labels_each(const kg_labels *labels,
		    void (*fn)(void *ctx, const char *text, kg_mark at),
		    void *ctx);

/* The text of key (labels NULL: the default table); a plural label's
 * `other` text. A key no table has is a programming error: the key
 * itself is returned, so a test finds it. The string lives as long as
 * the table. */
const char *kg_label(const kg_labels *labels, const char *key);
/* The text of plural label key for n. */
const char *kg_label_n(const kg_labels *labels, const char *key, long n);

/* Append text to out with each {name} replaced by its value: vars is
 * name, value, ..., NULL. A place vars does not name stays as written. */
void kg_label_fill(kg_buf *out, const char *text, const char *const *vars);
/* kg_label_fill of key's text, the values as name, value pairs after
 * key, NULL-ended. */
void kg_label_put(kg_buf *out, const kg_labels *labels, const char *key,
		  ...);
/* The same for plural label key: the form for n, and {n} is n. */
void kg_label_putn(kg_buf *out, const kg_labels *labels, const char *key,
		   long n, ...);
/* kg_label_put into a new string the caller frees. */
char *kg_label_dup(const kg_labels *labels, const char *key, ...);

/* The language's punctuation around texts kitgen joins itself, so no
 * ": ", " (" or " " is written in code: "label: value" by punct.field
 * (French "label\u202F: value", Japanese "label：value"); value may be
 * "" for a label run into what follows. */
void kg_label_field(kg_buf *out, const kg_labels *labels, const char *label,
		    const char *value);
/* A text that ends in a colon of its own (a label "Topics:", Japanese
 * "トピック：", French "Sujets :") takes no second one: kg_label_field
 * then writes the label, kg_label_gap and the value, and kg_label_colon
 * (punct.colon after a label) writes nothing. */
int kg_text_ends_colon(const char *s);
void kg_label_colon(kg_buf *out, const kg_labels *labels, const char *label);
/* The space between a label run into what follows and its text: none
 * when out ends in full-width punctuation, which carries its own room
 * (Japanese "：", "。", "、", "）"), looking through the Markdown
 * emphasis that closes the label ("**日付：**"). */
void kg_label_gap(kg_buf *out);
/* "text (note)" by punct.parenthetical (Japanese full-width, no space). */
void kg_label_paren(kg_buf *out, const kg_labels *labels, const char *text,
		    const char *note);
/* (punct.before_note goes before a parenthesised label such as
 * common.must_have: a space, none in Japanese.) */
/* Between two sentences from separate labels: punct.sentence_sep (" ";
 * nothing in Japanese, whose "。" needs no space). */
void kg_label_sentence_sep(kg_buf *out, const kg_labels *labels);

/* A number with a fraction in the kit's language: num as printf writes
 * it ("2.25", "-0.50"), its '.' written as number.decimal ("2,25" in
 * German). Every fractional number kitgen puts into a document (a
 * weighted total, a score, an average) goes through here; the data
 * kitgen writes for programs (CSV, JSON, card files) keep the '.'. */
void kg_label_number(kg_buf *out, const kg_labels *labels, const char *num);
/* A whole percentage by number.percent: "30%", German "30 %" (a no-break
 * space), French with a narrow one. */
void kg_label_percent(kg_buf *out, const kg_labels *labels, long n);
/* kg_label_number of a score in hundredths, with two decimals as a kit
 * writes it: 225 is "2.25" ("2,25" in German). */
void kg_label_hundredths(kg_buf *out, const kg_labels *labels, long h);

/* Numbering systems, for the page numbers of the furniture (label
 * number.digits): CLDR's names of the decimal ones a CSS counter style
 * also has (latn, arab, arabext, deva, thai, ...). kg_digits_known says
 * whether kitgen knows name; kg_digits_put appends the whole number n
 * (0 and up) in system's digits (an unknown system: 0-9); kg_digits_css
 * gives the CSS counter style ("decimal", "arabic-indic", ...). */
int kg_digits_known(const char *system);
void kg_digits_put(kg_buf *out, const char *system, unsigned long n);
const char *kg_digits_css(const char *system);

/* Check kit.yaml's `language` and `labels` without a templates folder:
 * the tag's form, unknown keys (with "did you mean"), places that differ
 * from the English text's. Either node may be NULL. Returns the number of
 * errors added. */
size_t kg_labels_check(const kg_node *language, const kg_node *labels,
		       kg_diags *d);

/* The table as template data: a mapping of the keys' parts,
 * "cover.version" as labels.cover.version. The caller frees it. */
kg_node *kg_labels_data(const kg_labels *labels);

/* The cover's labels as a template gives them before a value, a
 * mapping of their keys without "cover." to {label, gap}: the label
 * with the language's colon (punct.colon), or its own, never both, and
 * what follows it (punct.after_colon; after a colon of its own a space,
 * none after full-width punctuation). The caller frees it. */
kg_node *kg_labels_cover_data(const kg_labels *labels);

/* `kitgen labels [LANG]`: every key with its text as YAML, in the English
 * file's order with its comments, appended to out. */
void kg_labels_print(const kg_labels *labels, kg_buf *out);

#endif
