import { Injectable, Logger } from '@nestjs/common';

import { ChannelsService } from '@app/channels';
import { SecretBox } from '@app/common';
import { forEachLimited } from '@app/common';
import { isKakaoApiError, KakaoClient, type RefreshedTokens } from '@app/kakao-client';

import { ConsentState } from './recipient.enums';
import { type CredentialRow, RecipientRepository, type RefreshedRow } from './recipient.repository';
import {
  MESSAGE_SCOPE,
  refreshFailed,
  SkipReason,
  TOKEN_REFRESH_CONCURRENCY,
  TOKEN_REFRESH_MARGIN_MS,
} from './recipients.constants';

/** A token to send with, or why there is none. Tokens never leave the process otherwise. */
export type SendingCredential =
  | {
      recipientId: string;
      kakaoUserId: string;
      kakaoUuid: string | null;
      timeZone: string | null;
      accessToken: string;
    }
  | { recipientId: string; skip: string };

type RefreshOutcome =
  | { kind: 'refreshed'; row: CredentialRow; tokens: RefreshedTokens; usedRefreshToken: string }
  | { kind: 'lost'; row: CredentialRow; reason: string }
  | { kind: 'unavailable'; row: CredentialRow; reason: string };

/** OAuth errors that say the refresh token itself is dead (not the app's keys or Kakao). */
function refreshTokenIsDead(error: unknown): string | undefined {
  if (!isKakaoApiError(error) || error.kind !== 'oauth' || error.retryable) {
    return undefined;
  }
  // Kakao names the dead refresh token KOE322; without a KOE code, OAuth's invalid_grant says it.
  if (error.errorCode !== undefined) {
    return error.errorCode === 'KOE322' ? error.errorCode : undefined;
  }
  return error.error === 'invalid_grant' ? error.error : undefined;
}

function scopesOf(tokens: RefreshedTokens): string[] | null {
  return tokens.scope === undefined
    ? null
    : tokens.scope.split(/[\s,]+/).filter((scope) => scope !== '');
}

/** Hands out decrypted tokens to senders, refreshing expired ones and recording lost consent. */
@Injectable()
export class RecipientTokenVault {
  private readonly logger = new Logger(RecipientTokenVault.name);

  constructor(
    private readonly recipients: RecipientRepository,
    private readonly channels: ChannelsService,
    private readonly kakao: KakaoClient,
    private readonly secretBox: SecretBox,
  ) {}

  async sendingCredentials(
    channelId: string,
    recipientIds: string[],
    options: { forceRefresh?: boolean } = {},
  ): Promise<SendingCredential[]> {
    if (recipientIds.length === 0) {
      return [];
    }
    const unique = [...new Set(recipientIds)];
    const rows = new Map(
      (await this.recipients.credentialRows(channelId, unique)).map((row) => [row.id, row]),
    );
    const answers = new Map<string, SendingCredential>();
    const toRefresh: CredentialRow[] = [];
    const noScope: CredentialRow[] = [];
    const horizon = Date.now() + TOKEN_REFRESH_MARGIN_MS;
    for (const id of unique) {
      const row = rows.get(id);
      const early = row ? this.precheck(row) : SkipReason.NotFound;
      if (early !== undefined) {
        answers.set(id, { recipientId: id, skip: early });
      } else if (row!.scopes !== null && !row!.scopes.includes(MESSAGE_SCOPE)) {
        noScope.push(row!);
      } else if (
        options.forceRefresh === true ||
        (row!.accessTokenExpiresAt !== null && row!.accessTokenExpiresAt.getTime() <= horizon)
      ) {
        toRefresh.push(row!);
      } else {
        answers.set(id, this.credential(row!, this.secretBox.decrypt(row!.accessTokenSealed!)));
      }
    }
    if (noScope.length > 0) {
      await this.loseConsent(
        noScope.map((row) => ({ row, reason: SkipReason.MissingScope })),
        answers,
      );
    }
    if (toRefresh.length > 0) {
      await this.refreshAll(channelId, toRefresh, answers);
    }
    return recipientIds.map((id) => answers.get(id)!);
  }

  /** A skip reason known without Kakao, or undefined when the row may have a usable token. */
  private precheck(row: CredentialRow): string | undefined {
    switch (row.consentState) {
      case ConsentState.Revoked:
        return SkipReason.Revoked;
      case ConsentState.NeedsConsent:
        return SkipReason.NeedsConsent;
      case ConsentState.Active:
        return row.accessTokenSealed === null ? SkipReason.NoToken : undefined;
    }
  }

  private credential(row: CredentialRow, accessToken: string): SendingCredential {
    return {
      recipientId: row.id,
      kakaoUserId: row.kakaoUserId,
      kakaoUuid: row.kakaoUuid,
      timeZone: row.timeZone,
      accessToken,
    };
  }

  private async refreshAll(
    channelId: string,
    rows: CredentialRow[],
    answers: Map<string, SendingCredential>,
  ): Promise<void> {
    const withoutRefresh = rows.filter((row) => row.refreshTokenSealed === null);
    const refreshable = rows.filter((row) => row.refreshTokenSealed !== null);
    if (withoutRefresh.length > 0) {
      await this.loseConsent(
        withoutRefresh.map((row) => ({ row, reason: SkipReason.NoRefreshToken })),
        answers,
      );
    }
    if (refreshable.length === 0) {
      return;
    }
    const { restApiKey, clientSecret } = this.channels.credentials(
      await this.channels.get(channelId),
    );
    if (restApiKey === undefined) {
      this.logger.error(`Channel ${channelId} has no REST API key: tokens cannot be refreshed`);
      for (const row of refreshable) {
        answers.set(row.id, {
          recipientId: row.id,
          skip: `${SkipReason.RefreshUnavailable}:no_app_key`,
        });
      }
      return;
    }
    const outcomes: RefreshOutcome[] = [];
    await forEachLimited(refreshable, TOKEN_REFRESH_CONCURRENCY, async (row) => {
      const usedRefreshToken = this.secretBox.decrypt(row.refreshTokenSealed!);
      try {
        const tokens = await this.kakao.refreshAccessToken(usedRefreshToken, {
          restApiKey,
          clientSecret,
        });
        outcomes.push({ kind: 'refreshed', row, tokens, usedRefreshToken });
      } catch (error) {
        const dead = refreshTokenIsDead(error);
        if (dead !== undefined) {
          outcomes.push({ kind: 'lost', row, reason: refreshFailed(dead) });
        } else {
          const code = isKakaoApiError(error)
            ? (error.errorCode ?? error.code ?? error.kind)
            : 'error';
          this.logger.warn(
            `Refreshing the token of recipient ${row.id} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          outcomes.push({
            kind: 'unavailable',
            row,
            reason: `${SkipReason.RefreshUnavailable}:${String(code)}`,
          });
        }
      }
    });

    const refreshed = outcomes.flatMap((outcome) =>
      outcome.kind === 'refreshed' ? [outcome] : [],
    );
    const now = Date.now();
    const sealed: (RefreshedRow & { accessToken: string })[] = refreshed.map(
      ({ row, tokens, usedRefreshToken }) => {
        const rotated = tokens.refreshToken !== usedRefreshToken;
        return {
          id: row.id,
          previousAccessSealed: row.accessTokenSealed!,
          accessToken: tokens.accessToken,
          accessTokenSealed: this.secretBox.encrypt(tokens.accessToken),
          refreshTokenSealed: rotated
            ? this.secretBox.encrypt(tokens.refreshToken)
            : row.refreshTokenSealed!,
          accessTokenExpiresAt: new Date(now + tokens.expiresIn * 1000),
          refreshTokenExpiresAt:
            rotated && tokens.refreshTokenExpiresIn !== undefined
              ? new Date(now + tokens.refreshTokenExpiresIn * 1000)
              : null,
          scopes: scopesOf(tokens),
        };
      },
    );
    // Stored before anyone sends with them: a rotated refresh token must never be lost.
    const written = await this.recipients.storeRefreshed(sealed);
    const raced: string[] = [];
    for (const entry of sealed) {
      const row = refreshed.find((outcome) => outcome.row.id === entry.id)!.row;
      if (!written.has(entry.id)) {
        raced.push(entry.id);
      } else if (entry.scopes !== null && !entry.scopes.includes(MESSAGE_SCOPE)) {
        await this.loseConsent([{ row, reason: SkipReason.MissingScope }], answers);
      } else {
        answers.set(entry.id, this.credential(row, entry.accessToken));
      }
    }
    const lost = outcomes.flatMap((outcome) => (outcome.kind === 'lost' ? [outcome] : []));
    if (lost.length > 0) {
      raced.push(...(await this.loseConsent(lost, answers)));
    }
    for (const outcome of outcomes) {
      if (outcome.kind === 'unavailable') {
        answers.set(outcome.row.id, { recipientId: outcome.row.id, skip: outcome.reason });
      }
    }
    if (raced.length > 0) {
      await this.useStored(channelId, raced, answers);
    }
  }

  /**
   * Marks the rows `needs_consent` (only if their token is still the one we judged) and answers
   * them with the reason. Returns the ids another process changed meanwhile.
   */
  private async loseConsent(
    lost: { row: CredentialRow; reason: string }[],
    answers: Map<string, SendingCredential>,
  ): Promise<string[]> {
    const changed = await this.recipients.markNeedsConsent(
      lost.map(({ row, reason }) => ({
        id: row.id,
        reason,
        ifAccessSealed: row.accessTokenSealed,
      })),
    );
    const raced: string[] = [];
    for (const { row, reason } of lost) {
      if (changed.has(row.id)) {
        this.logger.log(`Recipient ${row.id} needs consent again: ${reason}`);
        answers.set(row.id, { recipientId: row.id, skip: reason });
      } else {
        raced.push(row.id);
      }
    }
    return raced;
  }

  /** Another worker refreshed (or re-consented) these meanwhile: use what it stored. */
  private async useStored(
    channelId: string,
    ids: string[],
    answers: Map<string, SendingCredential>,
  ): Promise<void> {
    const rows = new Map(
      (await this.recipients.credentialRows(channelId, ids)).map((row) => [row.id, row]),
    );
    for (const id of ids) {
      const row = rows.get(id);
      const early = row ? this.precheck(row) : SkipReason.NotFound;
      answers.set(
        id,
        early !== undefined
          ? { recipientId: id, skip: early }
          : this.credential(row!, this.secretBox.decrypt(row!.accessTokenSealed!)),
      );
    }
  }
}
