// SPDX-License-Identifier: GPL-2.0
/*
 * Call parameters: one allocation holding the fixed part and both blobs,
 * so a copy is one kmemdup-like step and ownership is one pointer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <net/condis.h>

/**
 * condis_call_params_alloc - allocate zeroed call parameters
 * @cm_len: bytes of call-manager specific blob
 * @media_len: bytes of media specific blob
 * @gfp: allocation flags
 *
 * Context: any, with suitable @gfp.
 * Return: the parameters or NULL (also when a blob is over
 * %CONDIS_PARAMS_BLOB_MAX).
 */
struct condis_call_params *condis_call_params_alloc(u32 cm_len, u32 media_len,
						    gfp_t gfp)
{
	struct condis_call_params *cp;

	if (cm_len > CONDIS_PARAMS_BLOB_MAX || media_len > CONDIS_PARAMS_BLOB_MAX)
		return NULL;
	cp = kzalloc(sizeof(*cp) + cm_len + media_len, gfp);
	if (!cp)
		return NULL;
	cp->cm_specific_len = cm_len;
	cp->media_specific_len = media_len;
	cp->cm_specific = (u8 *)(cp + 1);
	cp->media_specific = cp->cm_specific + cm_len;
	return cp;
}
EXPORT_SYMBOL_GPL(condis_call_params_alloc);

/**
 * condis_call_params_dup - deep copy
 * @cp: parameters from condis_call_params_alloc()
 * @gfp: allocation flags
 *
 * Context: any, with suitable @gfp.
 */
struct condis_call_params *condis_call_params_dup(const struct condis_call_params *cp,
						  gfp_t gfp)
{
	struct condis_call_params *n;

	n = condis_call_params_alloc(cp->cm_specific_len, cp->media_specific_len, gfp);
	if (!n)
		return NULL;
	n->flags = cp->flags;
	n->tx = cp->tx;
	n->rx = cp->rx;
	n->media_flags = cp->media_flags;
	n->receive_priority = cp->receive_priority;
	n->receive_size_hint = cp->receive_size_hint;
	memcpy(n->cm_specific, cp->cm_specific, cp->cm_specific_len);
	memcpy(n->media_specific, cp->media_specific, cp->media_specific_len);
	return n;
}
EXPORT_SYMBOL_GPL(condis_call_params_dup);

/**
 * condis_call_params_free - free call parameters (NULL is fine)
 * @cp: parameters
 *
 * Context: any.
 */
void condis_call_params_free(struct condis_call_params *cp)
{
	kfree(cp);
}
EXPORT_SYMBOL_GPL(condis_call_params_free);
