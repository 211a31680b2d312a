// SPDX-License-Identifier: GPL-2.0
/*
 * condis status values and their NDIS_STATUS twins.
 *
 * condis speaks Linux: 0, a negative errno, or CONDIS_PENDING. The table is
 * the one mapping both ways (Documentation/condis/status.rst lists it);
 * an errno without an entry maps to NDIS_STATUS_FAILURE, an NDIS status
 * without one to -EIO.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <net/condis.h>

static const struct {
	int err;
	u32 ndis;
	const char *name;
} cd_status_map[] = {
	{ 0,		   0x00000000, "NDIS_STATUS_SUCCESS" },
	{ CONDIS_PENDING,  0x00000103, "NDIS_STATUS_PENDING" },
	{ -EIO,		   0xC0000001, "NDIS_STATUS_FAILURE" },
	{ -ENOMEM,	   0xC000009A, "NDIS_STATUS_RESOURCES" },
	{ -EOPNOTSUPP,	   0xC00000BB, "NDIS_STATUS_NOT_SUPPORTED" },
	{ -EBADFD,	   0xC0000010, "NDIS_STATUS_INVALID_DEVICE_REQUEST" },
	{ -EBUSY,	   0x00010003, "NDIS_STATUS_NOT_ACCEPTED" },
	{ -ESHUTDOWN,	   0xC0010002, "NDIS_STATUS_CLOSING" },
	{ -ECANCELED,	   0xC001000C, "NDIS_STATUS_REQUEST_ABORTED" },
	{ -EPROTO,	   0xC001000F, "NDIS_STATUS_INVALID_PACKET" },
	{ -ENETDOWN,	   0xC0010011, "NDIS_STATUS_ADAPTER_NOT_READY" },
	{ -EMSGSIZE,	   0xC0010014, "NDIS_STATUS_INVALID_LENGTH" },
	{ -EINVAL,	   0xC0010015, "NDIS_STATUS_INVALID_DATA" },
	{ -ENOBUFS,	   0xC0010016, "NDIS_STATUS_BUFFER_TOO_SHORT" },
	{ -ENOTTY,	   0xC0010017, "NDIS_STATUS_INVALID_OID" },
	{ -ENODEV,	   0xC0010018, "NDIS_STATUS_ADAPTER_REMOVED" },
	{ -ENOLINK,	   0xC001001F, "NDIS_STATUS_NO_CABLE" },
	{ -EADDRNOTAVAIL,  0xC0010020, "NDIS_STATUS_INVALID_SAP" },
	{ -EADDRINUSE,	   0xC0010021, "NDIS_STATUS_SAP_IN_USE" },
	{ -ENOENT,	   0xC0010022, "NDIS_STATUS_INVALID_ADDRESS" },
	{ -ENOTCONN,	   0xC0010023, "NDIS_STATUS_VC_NOT_ACTIVATED" },
	{ -ECONNREFUSED,   0xC0010024, "NDIS_STATUS_DEST_OUT_OF_ORDER" },
	{ -EAGAIN,	   0xC0010025, "NDIS_STATUS_VC_NOT_AVAILABLE" },
	{ -ENOSR,	   0xC0010026, "NDIS_STATUS_CELLRATE_NOT_AVAILABLE" },
	{ -EKEYREJECTED,   0xC0010027, "NDIS_STATUS_INCOMPATABLE_QOS" },
	{ -EPROTONOSUPPORT, 0xC0010028, "NDIS_STATUS_AAL_PARAMS_UNSUPPORTED" },
	{ -EHOSTUNREACH,   0xC0010029, "NDIS_STATUS_NO_ROUTE_TO_DESTINATION" },
};

/**
 * condis_status_to_ndis - the NDIS_STATUS for a condis status
 * @status: 0, a negative errno, or %CONDIS_PENDING
 *
 * Context: any.
 * Return: its NDIS_STATUS value (NDIS_STATUS_FAILURE for an errno NDIS
 * has no name for).
 */
u32 condis_status_to_ndis(int status)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(cd_status_map); i++)
		if (cd_status_map[i].err == status)
			return cd_status_map[i].ndis;
	return 0xC0000001;
}
EXPORT_SYMBOL_GPL(condis_status_to_ndis);

/**
 * condis_status_from_ndis - the condis status for an NDIS_STATUS
 * @ndis_status: an NDIS_STATUS_* value
 *
 * Context: any.
 * Return: 0, %CONDIS_PENDING or a negative errno (-EIO for a failure
 * condis has no errno for).
 */
int condis_status_from_ndis(u32 ndis_status)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(cd_status_map); i++)
		if (cd_status_map[i].ndis == ndis_status)
			return cd_status_map[i].err;
	return -EIO;
}
EXPORT_SYMBOL_GPL(condis_status_from_ndis);

/**
 * condis_status_name - the NDIS_STATUS_* name of a condis status
 * @status: 0, a negative errno, or %CONDIS_PENDING
 *
 * Context: any.
 * Return: a static string, e.g. "NDIS_STATUS_PENDING".
 */
const char *condis_status_name(int status)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(cd_status_map); i++)
		if (cd_status_map[i].err == status)
			return cd_status_map[i].name;
	return "NDIS_STATUS_FAILURE";
}
EXPORT_SYMBOL_GPL(condis_status_name);
