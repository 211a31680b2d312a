/* SPDX-License-Identifier: GPL-2.0 */
/* object.c: objects and their handles: lookup, references, ids */
#ifndef _CONDIS_OBJECT_H
#define _CONDIS_OBJECT_H

#include "internal.h"

#define cd_lookup(h, t, T, caller) ({					\
	struct cd_obj *__o = cd_obj_lookup(h, T, caller);		\
	__o ? container_of(__o, t, o) : NULL; })
#define CD_CALLER __builtin_return_address(0)

/* A VC handle of either kind (an AF's VC or a CM's own VC). */
#define cd_lookup_any_vc(h, caller)						\
	cd_lookup(h, struct cd_vc,						\
		  ((unsigned long)(h) >> 32) == CD_CMVC ? CD_CMVC : CD_VC, caller)

/*
 * The miniport's view of a VC handle: valid until its delete_vc ran, so a
 * VC condis is deleting still resolves (->o.dead set) for its data path.
 */
#define cd_lookup_mp_vc(h, caller) ({						\
	unsigned long __h = (unsigned long)(h);					\
	struct cd_obj *__o = cd_obj_lookup_dying(h, (__h >> 32) == CD_CMVC ?	\
						 CD_CMVC : CD_VC, true, caller);	\
	__o ? container_of(__o, struct cd_vc, o) : NULL; })

int cd_obj_init(struct cd_obj *o, enum cd_type type, struct net *net, gfp_t gfp);
void cd_obj_publish(struct cd_obj *o);
void cd_obj_get(struct cd_obj *o);
void cd_obj_put(struct cd_obj *o);
struct cd_obj *cd_obj_lookup(const void *handle, enum cd_type type, void *caller);
struct cd_obj *cd_obj_lookup_dying(const void *handle, enum cd_type type,
				   bool dying, void *caller);
struct cd_obj *cd_obj_peek(enum cd_type type, u32 id);
void cd_obj_kill(struct cd_obj *o);
void cd_obj_revive(struct cd_obj *o);
void cd_obj_unpublish(struct cd_obj *o);
void *cd_handle(const struct cd_obj *o);
unsigned long cd_obj_count(enum cd_type type);
struct cd_obj *cd_obj_get_id(enum cd_type type, u32 id, const struct net *net);
struct cd_obj *cd_obj_next(enum cd_type type, unsigned long *id,
			   const struct net *net);
unsigned int cd_obj_generation(void);
struct cd_obj **cd_snapshot(struct cd_obj *lockobj, struct list_head *head,
			    size_t node_off, int *n);
void cd_put_snapshot(struct cd_obj **v, int n);
int cd_objects_init(void);
void cd_objects_exit(void);

#endif /* _CONDIS_OBJECT_H */
