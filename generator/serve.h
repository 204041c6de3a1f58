/*
 * serve.h - `kitgen serve`: build the kit into a private temporary folder,
 * serve it over HTTP, rebuild when content or templates change, and make
 * open pages reload.
 */
#ifndef KG_SERVE_H
#define KG_SERVE_H

/* The --help text of `kitgen serve`. */
extern const char kg_serve_usage[];

/* Run `kitgen serve` with argv[0] "serve"; returns the exit status (0
 * when stopped by SIGINT, SIGTERM or SIGHUP; 2 usage error; 3 when it
 * cannot listen or watch). Runs until a signal stops it; its temporary
 * folder is gone when it returns. */
int kg_serve_main(int argc, char **argv);

#endif
