// Experts review blind: until the secretariat has decided the ranking (the application has left expert review:
// shortlisted or not selected, and everything after), an expert sees the other experts' scores without their
// names or ids. The server answers the expert this way; staff always see the names.
import type { Review } from '../schemas/documents';
import { statusTable, type ApplicationStatus } from '../workflow/award-workflow';

const beforeRanking = new Set(['application', 'check', 'review']);

/** Whether the ranking of an application in this status has been published (the review stage is over). */
export function rankingPublished(status: ApplicationStatus): boolean {
  return !beforeRanking.has(statusTable[status].stage);
}

/** The word that stands for the n-th other expert (1-based) while names are hidden. */
export function anonymousExpert(position: number): string {
  return `专家${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[position - 1] ?? position}`;
}

/** Another expert's review with nothing that names them: name, id, and the review's id (which holds the id). */
export function withoutNames<T extends Pick<Review, '_id' | 'reviewerId' | 'reviewerName'>>(review: T, position: number): T {
  const stand = anonymousExpert(position);
  return { ...review, _id: `other-review-${position}`, reviewerId: `other-expert-${position}`, reviewerName: stand };
}
