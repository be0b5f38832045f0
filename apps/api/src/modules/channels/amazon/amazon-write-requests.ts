import type { CancelPayload, ShipPayload } from '@order-hub/types';

/** v0 `confirmShipment` body: one package per call, partial quantities by listing only some items. */
export function amazonConfirmShipmentBody(p: ShipPayload, marketplaceId: string) {
  return {
    marketplaceId,
    packageDetail: {
      packageReferenceId: p.packageReferenceId,
      carrierCode: p.channelCarrier ?? 'Other',
      ...(p.channelCarrier === 'Other' || !p.channelCarrier ? { carrierName: p.carrierName ?? 'Other' } : {}),
      ...(p.service ? { shippingMethod: p.service } : {}),
      trackingNumber: p.trackingNumber,
      shipDate: p.shippedAt,
      orderItems: p.lines.map((l) => ({ orderItemId: l.lineNumber, quantity: l.quantity })),
    },
  };
}

export const escapeXml = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * `POST_ORDER_ACKNOWLEDGEMENT_DATA` cancelling items (StatusCode Failure with a CancelReason per item), the
 * OrderAcknowledgement message of Amazon's XML feeds. The header's MerchantIdentifier is the seller's merchant
 * token, never the marketplace id.
 */
export function amazonCancelFeed(p: CancelPayload, sellerId: string): string {
  const items = p.lines
    .map(
      (l) =>
        `<Item><AmazonOrderItemCode>${escapeXml(l.lineNumber)}</AmazonOrderItemCode><CancelReason>${escapeXml(l.reason)}</CancelReason></Item>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">' +
    `<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${escapeXml(sellerId)}</MerchantIdentifier></Header>` +
    '<MessageType>OrderAcknowledgement</MessageType>' +
    `<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>${escapeXml(p.channelOrderId)}</AmazonOrderID>` +
    `<StatusCode>Failure</StatusCode>${items}</OrderAcknowledgement></Message></AmazonEnvelope>\n`
  );
}

/** The errors a feed processing report lists, as one sentence each. */
export function processingReportErrors(xml: string): string[] {
  return [...xml.matchAll(/<Result>([\s\S]*?)<\/Result>/g)]
    .map((m) => m[1])
    .filter((r) => /<ResultCode>Error<\/ResultCode>/.test(r))
    .map((r) => {
      const code = /<ResultMessageCode>([^<]*)<\/ResultMessageCode>/.exec(r)?.[1];
      const text = /<ResultDescription>([^<]*)<\/ResultDescription>/.exec(r)?.[1] ?? 'error';
      return code ? `${code}: ${text}` : text;
    });
}
