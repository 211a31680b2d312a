/* SPDX-License-Identifier: GPL-2.0 */
/* client_frames.c: ndis_sample_client's pools and the frames it sends */
#ifndef _NDIS_SAMPLE_CLIENT_FRAMES_H
#define _NDIS_SAMPLE_CLIENT_FRAMES_H

#include <net/condis_ndis.h>

#define SAMPLE_TAG		0x6c437353	/* 'lCsS' */

NDIS_STATUS SampleFramesInit(NDIS_HANDLE NdisHandle);
VOID SampleFramesFree(void);
PNET_BUFFER_LIST SampleFrame(const char *Text, ULONG Count);
PNET_BUFFER_LIST SamplePoolFrame(const VOID *Data, ULONG Len);
VOID SampleFreeFrame(PNET_BUFFER_LIST Nbl);

#endif /* _NDIS_SAMPLE_CLIENT_FRAMES_H */
