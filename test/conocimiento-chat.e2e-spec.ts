import { suiteConocimientoChat } from './utils/suite-conocimiento-chat';

// The knowledge base through the chat, offline (local understanding and extractive answers).
suiteConocimientoChat('local');
