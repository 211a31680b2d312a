/* SPDX-License-Identifier: GPL-2.0 */
/* af.c: address families: close, notify-close */
#ifndef _CONDIS_AF_H
#define _CONDIS_AF_H

#include "internal.h"

int cd_close_af(struct cd_af *af, struct completion *done, bool on_behalf);
int cd_notify_close_af(struct cd_af *af, struct completion *done);
void cd_notify_close_af_wait(struct cd_af *af, struct completion *done);
void cd_close_af_wait(struct cd_af *af, struct completion *done);
void cd_af_forget(struct cd_af *af);

#endif /* _CONDIS_AF_H */
