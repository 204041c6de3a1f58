/*
 * volume.h - how much text a build of a kit repeats, known before it runs.
 *
 * The public kit holds every text of the content once; each panel packet
 * repeats the texts of its rounds' topics (all but their questions), the
 * questions and scenarios its rounds ask (plan.h) and the kit's texts a
 * packet prints (its profile, level, areas, the decision rule,
 * calibration and evidence guidance), and each candidate's guide the
 * kit's words to candidates, its level, the areas, the scale and the
 * decision rule. A packet's parts (edition.h: its loop plan, a document
 * per round, its debrief sheet) repeat the packet's text once more, and
 * each costs a build a fixed amount beyond its text (its page shell,
 * cover and fonts), counted as KG_VOLUME_PART bytes. A build writes every
 * edition in every format, so its time and its output grow with the sum:
 * check bounds that sum, so that a kit that checks clean builds in
 * bounded time (content/README.md, "Limits").
 */
#ifndef KG_VOLUME_H
#define KG_VOLUME_H

#include <stddef.h>

#include "diag.h"
#include "kit.h"

/* Bytes of text all editions together may hold: the public kit (at most
 * KG_MAX_CONTENT) and every panel packet. */
#define KG_MAX_VOLUME ((size_t)12 << 20)

/* What a packet's part costs a build beyond its text, as bytes of text
 * that cost as much: about 6 ms of CPU and 110 KB of output in all three
 * formats, mostly the PDF's fonts (BENCHMARKS.md), where 12 MiB of text
 * take about 5 s. */
#define KG_VOLUME_PART ((size_t)16 << 10)

/* Bytes a build may write, all its files together: a hard stop for what
 * the volume does not predict (markup, escaping, fonts). A build that
 * would pass it fails and writes nothing (main.c counts it in the sinks). */
#define KG_MAX_OUTPUT ((size_t)128 << 20)

/* The bytes of text of every edition of a kit that checks clean so far
 * (every plan fills), added up. */
size_t kg_kit_volume(const kg_kit *kit);

/* Is the volume within KG_MAX_VOLUME? If not, add an error at kit.yaml's
 * profiles and return 1; else 0. Call it only when every plan fills. */
size_t kg_check_volume(const kg_kit *kit, kg_diags *d);

#endif
