#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* Wide-character API (wget_wch, cchar_t, setcchar, mvwadd_wch). Must come before <ncurses.h>.
 * SwiftPM drops the -D flags `pkg-config --cflags ncursesw` reports, so define them here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <ncurses.h>
#include <term.h>      /* setupterm/tigetstr/del_curterm: probe TERM without exiting */

/* Hidden by the SwiftGlibc module (built without _XOPEN_SOURCE): declare them. */
extern int wcwidth(wchar_t c);

/* C globals: Swift 6 rejects direct references ("not concurrency-safe"). */
static inline WINDOW *ncs_stdscr(void) { return stdscr; }
static inline WINDOW *ncs_curscr(void) { return curscr; }
static inline int ncs_colors(void) { return COLORS; }
static inline int ncs_color_pairs(void) { return COLOR_PAIRS; }

/* Attribute macros are function-like and not imported; static consts are. */
static const attr_t NCS_A_NORMAL    = A_NORMAL;
static const attr_t NCS_A_REVERSE   = A_REVERSE;
static const attr_t NCS_A_BOLD      = A_BOLD;
static const attr_t NCS_A_DIM       = A_DIM;
static const attr_t NCS_A_UNDERLINE = A_UNDERLINE;
static const attr_t NCS_A_COLOR     = A_COLOR;

/* Mouse masks (NCURSES_MOUSE_MASK is a function-like macro). */
static const mmask_t NCS_BUTTON1_PRESSED  = BUTTON1_PRESSED;
static const mmask_t NCS_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t NCS_BUTTON1_CLICKED  = BUTTON1_CLICKED;
static const mmask_t NCS_BUTTON3_PRESSED  = BUTTON3_PRESSED;
static const mmask_t NCS_BUTTON3_CLICKED  = BUTTON3_CLICKED;
static const mmask_t NCS_BUTTON4_PRESSED  = BUTTON4_PRESSED;
static const mmask_t NCS_BUTTON5_PRESSED  = BUTTON5_PRESSED;
static const mmask_t NCS_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

/* FIONREAD is a macro over _IOR-style arithmetic on some platforms; keep it in C. */
static inline int ncs_bytes_readable(int fd) {
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

#endif
