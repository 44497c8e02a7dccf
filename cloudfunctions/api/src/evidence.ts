// Claims' evidence as the server keeps it: what each file's bytes are (hashes, capture time, when they came),
// and which earlier claims of the same organiser used the same file or the same picture re-compressed.
import { captureOf } from '@/core/evidence/capture-time';
import { evidenceMatch, phashBands, type EvidenceMatch } from '@/core/evidence/fingerprints';
import { indicatorByKey } from '@/core/program/program-schema';
import type { Claim, EvidenceDuplicate, EvidenceFingerprint, FileFact } from '@/core/schemas/documents';
import { slotOfPath } from './handlers/files';
import { storagePathOf } from '@/core/evidence/file-ids';
import { byIds, orgNames } from './loaders';
import type { Deps, StoreReader, StoreTx, Where } from './ports';

/**
 * Fingerprints each file (already checked by checkNewFiles); received: when the local server stored it, else now.
 * The capture time is the stored bytes' EXIF time, else the one the phone reported with the file's slot.
 */
export async function readFileFacts(deps: Pick<Deps, 'store' | 'files'>, fileIds: readonly string[], now: Date): Promise<FileFact[]> {
  return Promise.all(
    fileIds.map(async (fileId) => {
      const path = storagePathOf(fileId);
      const [slot, facts] = await Promise.all([path ? slotOfPath(deps.store, path) : null, deps.files.facts(fileId)]);
      if (!facts) throw new Error(`evidence file vanished: ${fileId}`);
      return {
        fileId,
        sha256: facts.sha256,
        phash: facts.phash,
        ...captureOf(facts.capturedAt, slot?.capturedAt ?? null),
        receivedAt: slot?.uploadedAt ?? now.toISOString(),
      };
    }),
  );
}

const bandFields = ['band0', 'band1', 'band2', 'band3', 'band4', 'band5', 'band6', 'band7'] as const;

/**
 * Earlier uses of the same or a near-identical file among the society's claims, for each fact, found by equality
 * lookups only: one read for the hashes of all the files and one per phash band (not one each per file).
 */
async function candidatesOf(store: StoreReader, societyId: string, facts: readonly FileFact[]): Promise<EvidenceFingerprint[][]> {
  const bandsOf = facts.map((fact) => (fact.phash ? phashBands(fact.phash) : []));
  const wheres: Where[] = [{ societyId, sha256: { in: facts.map((fact) => fact.sha256) } }];
  bandFields.forEach((field, index) => {
    const bands = bandsOf.flatMap((each) => each[index] ?? []);
    if (bands.length > 0) wheres.push({ societyId, [field]: { in: bands } });
  });
  const found = await Promise.all(wheres.map((where) => store.find('evidenceFingerprints', where)));
  const prints = [...new Map(found.flat().map((print) => [print._id, print])).values()];
  return facts.map((fact, at) =>
    prints.filter((print) => print.sha256 === fact.sha256 || bandFields.some((field, index) => bandsOf[at]![index] === print[field])),
  );
}

/** The other claims (of any programme the society runs) whose evidence this claim's files repeat. */
export async function findDuplicates(
  store: StoreReader,
  societyId: string,
  claimId: string,
  facts: readonly FileFact[],
): Promise<EvidenceDuplicate[]> {
  const candidates = await candidatesOf(store, societyId, facts);
  const hits = facts.flatMap((fact, index) =>
    candidates[index].flatMap((print) => {
      const match: EvidenceMatch | null = print.claimId === claimId ? null : evidenceMatch(fact, print);
      return match ? [{ fact, print, match }] : [];
    }),
  );
  if (hits.length === 0) return [];
  const applicationIds = [...new Set(hits.map((hit) => hit.print.applicationId))];
  const programIds = [...new Set(hits.map((hit) => hit.print.programId))];
  const [applicationOf, programOf] = await Promise.all([
    byIds(store, 'applications', applicationIds),
    byIds(store, 'programs', programIds),
  ]);
  const names = await orgNames(
    store,
    [...applicationOf.values()].map((application) => application.orgId),
  );
  return hits.map(({ fact, print, match }) => {
    const application = applicationOf.get(print.applicationId);
    const program = programOf.get(print.programId);
    return {
      claimId: print.claimId,
      applicationId: print.applicationId,
      programId: print.programId,
      indicatorKey: print.indicatorKey,
      fileId: fact.fileId,
      otherFileId: print.fileId,
      match,
      orgName: application ? (names.get(application.orgId) ?? '') : '',
      projectName: application?.projectName ?? '',
      indicatorName: (program && indicatorByKey(program, print.indicatorKey)?.name) ?? print.indicatorKey,
    };
  });
}

/** Records the claim's files for later lookups, in the transaction that creates the claim. */
export async function recordFingerprints(tx: StoreTx, claim: Claim, societyId: string): Promise<void> {
  for (const [index, fact] of claim.fileFacts.entries()) {
    const bands = fact.phash ? phashBands(fact.phash) : [];
    const print: EvidenceFingerprint = {
      _id: `${claim._id}_f${index}`,
      version: 1,
      createdAt: claim.createdAt,
      updatedAt: claim.createdAt,
      societyId,
      programId: claim.programId,
      applicationId: claim.applicationId,
      claimId: claim._id,
      indicatorKey: claim.indicatorKey,
      fileId: fact.fileId,
      sha256: fact.sha256,
      phash: fact.phash,
      band0: bands[0] ?? null,
      band1: bands[1] ?? null,
      band2: bands[2] ?? null,
      band3: bands[3] ?? null,
      band4: bands[4] ?? null,
      band5: bands[5] ?? null,
      band6: bands[6] ?? null,
      band7: bands[7] ?? null,
    };
    await tx.create('evidenceFingerprints', print);
  }
}
