export { toNfc, searchKey, matchesSearch } from './normalize.js';
export {
  VIETNAM_UTC_OFFSET_MINUTES,
  parseCivilDate,
  isCivilDate,
  civilDateOf,
  civilTimeOf,
  startOfCivilDate,
  addCivilDays,
  compareCivilDates,
} from './civil-date.js';
export { decree30DayMonth, formatPlaceDateLine, formatVietnameseDate, formatShortDate } from './decree30-date.js';
