/**
 * Resources of every kind, drawn from the seed pages (a provost office's mentoring page and a
 * university's resource list), for tests and stories. Not part of the published package.
 */
import type { FeedResource } from '@mentorkit/core/browser';

const researchMentors = { id: 'research-mentors', name: 'Faculty and research officers mentoring graduate students and postdocs' };
const trainees = { id: 'grad-students-postdocs', name: 'Graduate students and postdoctoral scholars' };
const ctl = { id: 'ctl', name: 'Center for Teaching and Learning' };
const publicAccess = { level: 'public' } as const;

const base = (r: Partial<FeedResource> & Pick<FeedResource, 'id' | 'kind' | 'title'>): FeedResource => ({
  authors: [],
  access: publicAccess,
  topics: [],
  themes: [],
  audiences: [],
  highlights: [],
  ...r,
});

export const course = base({
  id: 'building-effective-mentoring-relationships',
  kind: 'course',
  title: 'Building Effective Mentoring Relationships',
  description:
    'A self-paced course in CourseWorks that offers a framework to create effective mentoring relationships that are focused on learning.\n\nEach module encourages you to reflect on your mentoring practices and plan for conversations with your mentees.',
  url: 'https://courseworks.example.edu/courses/mentoring',
  provider: ctl,
  access: { level: 'institutional', platform: 'CourseWorks', note: 'Sign in with your university ID to open the course.' },
  audiences: [researchMentors],
  themes: [{ id: 'aligning-expectations', title: 'Aligning Expectations' }],
  topics: ['mentoring plans', 'feedback'],
  highlights: ['Tips at the end of each module', 'A downloadable worksheet to prepare for discussions with your mentees'],
  duration: 'PT90M',
  modules: [
    { title: 'Preparing to Mentor', duration: 'PT20M' },
    { title: 'Co-Constructing a Mentoring Plan', duration: 'PT25M' },
    { title: 'Enabling Growth through Feedback', duration: 'PT25M' },
    { title: 'Reviewing Your Mentoring Relationship', duration: 'PT20M' },
  ],
  platform: 'CourseWorks',
  selfPaced: true,
});

export const videoSeries = base({
  id: 'voices-on-mentoring',
  kind: 'video-series',
  title: 'Voices on Mentoring Video Series',
  description: 'This video series from the CTL showcases the relationship between mentors and mentees. Each video offers a reflection of a different aspect of the mentor-mentee relationship.',
  url: 'https://ctl.example.edu/voices-on-mentoring',
  provider: ctl,
  topics: ['setting expectations', 'fostering belonging', 'maintaining communication', 'building trust'],
  episodes: [
    { title: 'Setting expectations', url: 'https://ctl.example.edu/voices/1', duration: 'PT6M' },
    { title: 'Fostering belonging', url: 'https://ctl.example.edu/voices/2', duration: 'PT7M30S' },
    { title: 'Building trust', duration: 'PT5M' },
  ],
});

export const video = base({
  id: 'voices-building-trust',
  kind: 'video',
  title: 'Voices on Mentoring: Building Trust',
  description: 'A mentor and her mentee talk about how trust grew over the first year of their work together.',
  url: 'https://ctl.example.edu/voices/3',
  provider: ctl,
  duration: 'PT1H5M',
  topics: ['building trust'],
});

export const recording = base({
  id: 'keynote-bridging-differences-recording',
  kind: 'recording',
  title: 'Recording: Keynote: Bridging Differences for Better Mentoring',
  description: 'Lisa Fain, CEO of the Center for Mentoring Excellence, demonstrated how mentoring can drive inclusion.',
  url: 'https://panopto.example.edu/keynote',
  access: {
    level: 'institutional',
    platform: 'Panopto',
    note: 'To access the recording available on Panopto, please authenticate using your Columbia UNI and password.',
  },
  audiences: [{ id: 'faculty-mentors', name: 'Faculty mentors of graduate students and postdocs' }],
  duration: 'PT58M',
});

export const article = base({
  id: 'mentoring-up-article',
  kind: 'article',
  title: 'Mentoring Up: Learning to Manage Your Mentoring Relationships',
  authors: ['Steven P. Lee', 'Richard McGee', 'Christine Pfund', 'Janet Branchaw'],
  publisher: 'The Mentoring Continuum',
  published: '2015',
  url: 'https://example.org/mentoring-up',
  audiences: [trainees],
});

export const report = base({
  id: 'science-of-mentorship',
  kind: 'report',
  title: 'The Science of Effective Mentorship in STEMM',
  description: 'A consensus study report on what makes mentoring relationships effective in science, technology, engineering, mathematics and medicine.',
  publisher: 'National Academies of Sciences, Engineering, and Medicine',
  published: '2019-10',
  url: 'https://example.org/science-of-mentorship',
});

export const book = base({
  id: 'bridging-differences-book',
  kind: 'book',
  title: 'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage',
  authors: ['Lisa Z. Fain', 'Lois J. Zachary'],
  published: '2020',
});

export const guide = base({
  id: 'fostering-belonging-guide',
  kind: 'guide',
  title: 'Fostering Belonging in the Research Lab: Strategies for Mentors',
  description:
    'Building a strong sense of community in the research lab enables its members to collaborate effectively and persevere through difficult moments.\n\nThis resource offers strategies to help mentors create a supportive lab culture where all mentees can learn and thrive.',
  provider: ctl,
  audiences: [researchMentors],
  themes: [{ id: 'addressing-equity-and-inclusion', title: 'Addressing Equity and Inclusion' }],
  highlights: [
    'Clarify the values and norms of your lab',
    'Create opportunities for connection among lab members',
    'Promote collaborative and interdependent work',
    'Encourage both formal and informal mentoring relationships',
  ],
});

export const worksheet = base({
  id: 'mentoring-plan-worksheet',
  kind: 'worksheet',
  title: 'Mentoring Plan Worksheet',
  description: 'Prepare for a conversation with your mentee about goals, expectations and how you will work together.',
  url: 'https://ctl.example.edu/worksheet.pdf',
  provider: ctl,
  themes: [{ id: 'aligning-expectations', title: 'Aligning Expectations' }],
});

export const website = base({
  id: 'nrmn',
  kind: 'website',
  title: 'National Research Mentoring Network',
  description:
    'Evidence-based and culturally-aware mentorship, grantsmanship training and other professional development, networking opportunities, and resources for mentors and their trainees across the biomedical sciences.',
  url: 'https://nrmnet.example.net/',
  provider: { id: 'nrmn', name: 'NRMN', url: 'https://nrmnet.example.net/' },
  topics: ['professional development', 'grantsmanship'],
});

export const template = base({
  id: 'aamc-postdoc-compact',
  kind: 'template',
  title: 'AAMC Compact Between Postdoctoral Appointees and Their Mentors',
  description: 'Intended to initiate discussions about the postdoctoral trainee-mentor relationship and the commitments necessary for a high-quality postdoctoral training experience.',
  url: 'https://example.org/aamc-compact',
  publisher: 'Association of American Medical Colleges',
  audiences: [trainees, researchMentors],
  themes: [{ id: 'aligning-expectations', title: 'Aligning Expectations' }],
});

export const checklist = base({
  id: 'ctsi-alignment-checklist',
  kind: 'checklist',
  title: 'Mentoring Alignment Checklist',
  description: 'Items for trainee and mentor expectations.',
  url: 'https://example.edu/ctsi-checklist',
  provider: { id: 'ctsi', name: 'Northwestern University CTSI' },
  themes: [{ id: 'aligning-expectations', title: 'Aligning Expectations' }],
});

export const document = base({
  id: 'four-foundational-principles',
  kind: 'document',
  title: 'Four Foundational Principles of Mentoring Practice',
  description: 'Four foundational principles of mentoring for faculty, each with examples of best practices.',
  url: 'https://example.edu/provost/foundational-principles.pdf',
  provider: { id: 'provost', name: 'Office of the Provost' },
  format: 'PDF',
  mediaType: 'application/pdf',
});

export const slides = base({
  id: 'new-semester-slides',
  kind: 'slides',
  title: 'Preparing for a New Semester of Mentoring: Slides',
  url: 'https://ctl.example.edu/new-semester-slides.pptx',
  provider: ctl,
  format: 'PPTX',
  related: [{ relation: 'accompanies', title: 'Preparing for a New Semester of Mentoring', url: 'https://ctl.example.edu/workshops/new-semester' }],
});

export const handout = base({
  id: 'mentoring-monday-discussion-guide',
  kind: 'handout',
  title: 'Mentoring Monday Discussion Guide: Assumptions and Expectations',
  description: 'Questions to prompt active discussion of the month’s reading.',
  provider: ctl,
  format: 'DOCX',
  related: [{ relation: 'accompanies', title: 'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage', citation: 'Fain and Zachary, 2020' }],
});

/**
 * A recorded keynote with what the seed page says about it beyond its kind: who spoke and who moderated,
 * the talk it is a recording of, an image known only by its description, and a description in paragraphs.
 */
export const presentedRecording = base({
  ...recording,
  id: 'keynote-recording-presented',
  description:
    'Most institutions today understand the benefits of having more diverse and inclusive learning environments. Yet, there is work to be done when it comes to mentoring.\n\nThis interactive, entertaining, and practical keynote demonstrated how mentoring can drive inclusion.',
  presenters: [
    { role: 'Keynote speaker', name: 'Lisa Fain', note: 'CEO of Center for Mentoring Excellence', url: 'https://example.org/lisa-fain' },
    { role: 'Moderator', name: 'Helen Lu', title: 'Hudson Professor of Biomedical Engineering' },
  ],
  related: [
    { relation: 'recording-of', title: 'Keynote: Bridging Differences for Better Mentoring', url: 'https://ctl.example.edu/keynote' },
    { relation: 'based-on', title: 'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage', citation: 'Fain and Zachary, 2020' },
  ],
  image: { alt: 'Lisa Fain speaking at a lectern in front of faculty' },
  format: 'MP4',
  mediaType: 'video/mp4',
});

/** One resource of each kind. */
export const everyKind: readonly FeedResource[] = [
  course,
  videoSeries,
  video,
  recording,
  article,
  report,
  book,
  guide,
  document,
  slides,
  handout,
  worksheet,
  website,
  template,
  checklist,
];

/** A fresh copy of every fixture, so a test may change them freely. */
export function resources(): FeedResource[] {
  return structuredClone([...everyKind]);
}
