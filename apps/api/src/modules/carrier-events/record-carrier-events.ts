// Kept while callers move to CarrierEventRepository.record.
export { recordCarrierEvents, type CarrierEventRow } from './carrier-event.repository';
