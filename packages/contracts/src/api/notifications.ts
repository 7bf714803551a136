import { type Static, Type } from 'typebox';
import { Nullable, StringEnum } from './common.ts';

/** The kinds of e-mail LIS sends; each person can turn each off. */
export const NOTIFICATION_KINDS = ['red_figures', 'weekly_reminder', 'feed_missing'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What each kind is, in the settings' words. */
export const NOTIFICATION_KIND_TEXTS: Readonly<Record<NotificationKind, string>> = {
  red_figures: 'Når en leverance gør et nøgletal rødt for en af mine enheder',
  weekly_reminder: 'Ugentlig påmindelse om tal, der mangler forklaring, og handlinger over tid',
  feed_missing: 'Når en månedlig leverance ikke er kommet til tiden (administratorer)',
};

export const NotificationSettings = Type.Object({
  /** where the e-mails go; null = no address known, so nothing is sent */
  email: Nullable(Type.String()),
  /** whether the server sends e-mail at all (SMTP and the public address configured) */
  enabled: Type.Boolean(),
  kinds: Type.Array(Type.Object({ kind: StringEnum(NOTIFICATION_KINDS), on: Type.Boolean() })),
});
export type NotificationSettings = Static<typeof NotificationSettings>;

export const NotificationSettingsBody = Type.Object(
  {
    kinds: Type.Array(
      Type.Object({ kind: StringEnum(NOTIFICATION_KINDS), on: Type.Boolean() }, { additionalProperties: false }),
      { maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export type NotificationSettingsBody = Static<typeof NotificationSettingsBody>;
