import type { Clock } from '../../domain/clock';
import type { RoleDirectory } from '../../domain/roles';
import type { DigestRepository } from '../../store/digest.repository';
import type { FeatureTurn } from '../feature-turn';

export const DIGEST_FOR_COACHES_AND_LEADS =
  "The weekly digest is for the PCN's coaches and leads, so there is nothing to switch.";

/** Each coach's and lead's own switch for the weekly digest, kept in storage. */
export class DigestPreferences {
  constructor(
    private readonly deps: {
      digests: DigestRepository;
      roles: RoleDirectory;
      clock: Clock;
      /** "every Monday at 08:30" */
      when: string;
    },
  ) {}

  async stop(turn: FeatureTurn): Promise<void> {
    await this.set(
      turn,
      false,
      "Done: I won't send you the weekly digest. Type 'start weekly digest' if you want it again.",
      "Your weekly digest is already off. Type 'start weekly digest' if you want it again.",
    );
  }

  async start(turn: FeatureTurn): Promise<void> {
    await this.set(
      turn,
      true,
      `Done: you'll get the weekly digest ${this.deps.when}, in this chat.`,
      `Your weekly digest is already on: it comes ${this.deps.when}.`,
    );
  }

  /** Pressing twice, or Teams delivering twice, writes once and says it is already so. */
  private async set(
    turn: FeatureTurn,
    enabled: boolean,
    done: string,
    already: string,
  ): Promise<void> {
    const userId = turn.caller.userId;
    const { roles } = this.deps;
    if (!userId || !(roles.isCoach(userId) || roles.isLead(userId))) {
      await turn.send(DIGEST_FOR_COACHES_AND_LEADS);
      return;
    }
    const { tenantId } = turn.caller;
    const current = await this.deps.digests.getPreference(tenantId, userId);
    // No choice stored means on.
    if ((current?.enabled ?? true) === enabled) {
      await turn.send(already);
      return;
    }
    await this.deps.digests.setPreference({
      tenantId,
      userId,
      enabled,
      updatedAt: this.deps.clock.now().toUTC().toISO() ?? '',
    });
    await turn.send(done);
  }
}
