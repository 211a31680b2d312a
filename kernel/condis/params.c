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
 * Return: the copy, or NULL without memory.
 */
struct condis_call_params *condis_call_params_dup(const struct condis_call_params *cp,
						  gfp_t gfp)
{
	struct condis_call_params *n;

	n = condis_call_params_alloc(cp->cm_specific_len, cp->media_specific_len, gfp);
	if (n)
		condis_call_params_copy(n, cp);
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

/**
 * condis_call_params_copy - copy values and blob contents between parameters
 * @dst: destination
 * @src: source, with blobs of the same lengths as @dst's
 *
 * Context: any.
 * Return: 0, or -EMSGSIZE when the blob lengths differ (nothing copied).
 */
int condis_call_params_copy(struct condis_call_params *dst,
			    const struct condis_call_params *src)
{
	if (dst->cm_specific_len != src->cm_specific_len ||
	    dst->media_specific_len != src->media_specific_len)
		return -EMSGSIZE;
	dst->flags = src->flags;
	dst->tx = src->tx;
	dst->rx = src->rx;
	dst->media_flags = src->media_flags;
	dst->receive_priority = src->receive_priority;
	dst->receive_size_hint = src->receive_size_hint;
	dst->cm_specific_type = src->cm_specific_type;
	dst->media_specific_type = src->media_specific_type;
	memcpy(dst->cm_specific, src->cm_specific, src->cm_specific_len);
	memcpy(dst->media_specific, src->media_specific, src->media_specific_len);
	return 0;
}
EXPORT_SYMBOL_GPL(condis_call_params_copy);
