/**
 * The subset of schema.org (https://schema.org) the JSON-LD export writes, as TypeScript types, so every
 * node is a checked plain object and never hand-assembled JSON text. Property names are schema.org's.
 * Types only: the file adds nothing to a bundle.
 */

/** A reference to a node elsewhere in the same graph. */
export interface IdReference {
  '@id': string;
}

export type EventAttendanceMode =
  | 'https://schema.org/OnlineEventAttendanceMode'
  | 'https://schema.org/OfflineEventAttendanceMode'
  | 'https://schema.org/MixedEventAttendanceMode';

export type EventStatusType =
  | 'https://schema.org/EventScheduled'
  | 'https://schema.org/EventCancelled'
  | 'https://schema.org/EventPostponed'
  | 'https://schema.org/EventRescheduled'
  | 'https://schema.org/EventMovedOnline';

export interface ImageObject {
  '@type': 'ImageObject';
  url: string;
  caption?: string;
  width?: number;
  height?: number;
}

export interface Organization {
  '@type': 'Organization';
  name: string;
  alternateName?: string;
  url?: string;
  parentOrganization?: Organization;
}

export interface Person {
  '@type': 'Person';
  name: string;
  honorificPrefix?: string;
  jobTitle?: string;
  affiliation?: Organization;
  url?: string;
}

/** Someone's part in a work, with the role the catalog names (schema.org's Role pattern: the property repeats inside). */
export interface Role {
  '@type': 'Role';
  roleName: string;
  contributor: Person | Organization;
  description?: string;
}

/** Another work, named by its own title: one in the same graph (`@id`) or elsewhere. */
export interface CreativeWork {
  '@type': 'CreativeWork';
  '@id'?: string;
  name: string;
  url?: string;
  creditText?: string;
}

/** What a resource carries beyond its kind's own properties: who presents it, its format, the works it relates to. */
export interface WorkRelations {
  contributor?: Role[];
  encodingFormat?: string;
  isBasedOn?: CreativeWork[];
  isPartOf?: CreativeWork[];
  exampleOfWork?: CreativeWork[];
}

export interface Place {
  '@type': 'Place';
  name: string;
  /** Free-text address as the catalog gives it (schema.org accepts Text). */
  address?: string;
  url?: string;
}

export interface VirtualLocation {
  '@type': 'VirtualLocation';
  url?: string;
  name?: string;
}

export interface DefinedTermSet {
  '@type': 'DefinedTermSet';
  name: string;
  url?: string;
}

export interface DefinedTerm {
  '@type': 'DefinedTerm';
  name: string;
  termCode?: string;
  /** A CASE CFItem the term is, when the catalog links one. */
  url?: string;
  inDefinedTermSet?: DefinedTermSet;
}

export interface EducationalAudience {
  '@type': 'EducationalAudience';
  audienceType?: string;
  educationalRole?: string[];
}

export interface Offer {
  '@type': 'Offer';
  price: number;
  priceCurrency: string;
  url?: string;
  /** When RSVPs open and close (the resolved RSVP window). */
  availabilityStarts?: string;
  availabilityEnds?: string;
  validFrom?: string;
}

export interface EventSeries {
  '@type': 'EventSeries';
  '@id': string;
  name: string;
  description?: string;
  url?: string;
  image?: ImageObject;
  organizer?: Organization[];
  audience?: EducationalAudience[];
  /** The events of the series in the same graph. */
  subEvent?: IdReference[];
  inLanguage?: string;
}

export interface EducationEvent {
  '@type': 'EducationEvent';
  '@id': string;
  name: string;
  description?: string;
  /** ISO 8601 with offset, or a date when only the date is known. */
  startDate: string;
  endDate?: string;
  previousStartDate?: string;
  eventAttendanceMode?: EventAttendanceMode;
  eventStatus: EventStatusType;
  location: Place | VirtualLocation | Array<Place | VirtualLocation>;
  organizer?: Organization[];
  performer?: Array<Person | Organization>;
  teaches?: Array<DefinedTerm | string>;
  audience?: EducationalAudience[];
  offers?: Offer;
  image?: ImageObject;
  url?: string;
  superEvent?: IdReference[];
  isAccessibleForFree?: boolean;
  inLanguage?: string;
}

export interface Syllabus {
  '@type': 'Syllabus';
  name: string;
  description?: string;
  timeRequired?: string;
}

export interface CourseInstance {
  '@type': 'CourseInstance';
  courseMode: 'online' | 'onsite' | 'blended';
  /** ISO 8601 duration of the whole course, e.g. PT90M. */
  courseWorkload?: string;
  location?: VirtualLocation;
}

export interface Course extends WorkRelations {
  '@type': 'Course';
  '@id': string;
  name: string;
  description?: string;
  url?: string;
  provider?: Organization;
  hasCourseInstance?: CourseInstance[];
  syllabusSections?: Syllabus[];
  teaches?: Array<DefinedTerm | string>;
  about?: Array<DefinedTerm | CreativeWork>;
  hasPart?: CreativeWork[];
  audience?: EducationalAudience[];
  image?: ImageObject;
  isAccessibleForFree?: boolean;
  conditionsOfAccess?: string;
  inLanguage?: string;
}

export interface LearningResource extends WorkRelations {
  '@type': 'LearningResource';
  '@id'?: string;
  name: string;
  description?: string;
  url?: string;
  learningResourceType: string;
  isAccessibleForFree?: boolean;
  conditionsOfAccess?: string;
  author?: Array<Person | Organization>;
  publisher?: Organization;
  provider?: Organization;
  datePublished?: string;
  image?: ImageObject;
  keywords?: string[];
  about?: Array<DefinedTerm | CreativeWork>;
  audience?: EducationalAudience[];
  timeRequired?: string;
  hasPart?: Array<LearningResource | CreativeWork>;
  inLanguage?: string;
}

export type JsonLdNode = EducationEvent | EventSeries | Course | LearningResource;

export interface JsonLdGraph {
  '@context': 'https://schema.org';
  '@graph': JsonLdNode[];
}
