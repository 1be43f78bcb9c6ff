import { z } from 'zod';

/**
 * A conversation the bot can write to later (a 1:1 chat, a group chat or a channel), kept so
 * proactive features (reminders, channel posts) can reach it. `reference` is the channel's own
 * conversation reference, stored as opaque JSON: the domain does not depend on its shape.
 */
export const CONVERSATION_KINDS = ['personal', 'groupChat', 'channel'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const storedConversationSchema = z.object({
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  kind: z.enum(CONVERSATION_KINDS),
  serviceUrl: z.string().min(1),
  /** The user's Entra object id, for 1:1 chats. */
  userAadObjectId: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  channelId: z.string().optional(),
  channelName: z.string().optional(),
  /** False once the app is uninstalled or removed from the conversation. */
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
  reference: z.record(z.string(), z.unknown()),
});

export type StoredConversation = z.infer<typeof storedConversationSchema>;
