import { createZodDto } from 'nestjs-zod';
import {
  boothDocumentViewSchema,
  boothStatsViewSchema,
  boothSummaryViewSchema,
  boothViewSchema,
  boothVisitSchema,
  createBoothSchema,
  deleteBoothSchema,
  conversationViewSchema,
  leadViewSchema,
  myConversationSchema,
  myShareViewSchema,
  renameBoothDocumentSchema,
  shareContactSchema,
  updateBoothSchema,
  updateLeadSchema,
} from '@plenum/contracts';

export class CreateBoothDto extends createZodDto(createBoothSchema) {}
export class DeleteBoothDto extends createZodDto(deleteBoothSchema) {}
export class UpdateBoothDto extends createZodDto(updateBoothSchema) {}
export class ShareContactDto extends createZodDto(shareContactSchema) {}
export class UpdateLeadDto extends createZodDto(updateLeadSchema) {}
export class RenameBoothDocumentDto extends createZodDto(renameBoothDocumentSchema) {}

export class BoothSummaryViewDto extends createZodDto(boothSummaryViewSchema) {}
export class BoothViewDto extends createZodDto(boothViewSchema) {}
export class BoothDocumentViewDto extends createZodDto(boothDocumentViewSchema) {}
export class ConversationViewDto extends createZodDto(conversationViewSchema) {}
export class MyConversationDto extends createZodDto(myConversationSchema) {}
export class LeadViewDto extends createZodDto(leadViewSchema) {}
export class MyShareViewDto extends createZodDto(myShareViewSchema) {}
export class BoothVisitDto extends createZodDto(boothVisitSchema) {}
export class BoothStatsViewDto extends createZodDto(boothStatsViewSchema) {}
