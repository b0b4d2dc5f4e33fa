// Public surface of the query context; each module adds its exports here.
export {
  upcomingWorkshops,
  pastWorkshops,
  requestOnlyWorkshops,
  filterWorkshops,
  nextWorkshopOccurrence,
  type InstantLike,
  type UpcomingOptions,
  type UpcomingWorkshop,
  type PastWorkshop,
  type WorkshopFilters,
} from './workshops.js';
