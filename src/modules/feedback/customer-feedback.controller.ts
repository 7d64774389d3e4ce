import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { CustomersService } from '../customers/customers.service';
import { FeedbackResponseDto, toFeedbackResponse } from './dto/feedback-response.dto';
import { FeedbackService } from './feedback.service';

interface CustomerProfileDto {
  id: string;
  segment: string | null;
  attributes: Record<string, unknown> | null;
  erased: boolean;
  channels: string[];
  feedback: FeedbackResponseDto[];
}

/** A customer with their feedback from every channel; and erasure on request. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class CustomerFeedbackController {
  constructor(
    private readonly customers: CustomersService,
    private readonly feedback: FeedbackService,
  ) {}

  @Get(':id')
  @RequireScope('read')
  @ApiOkResponse({
    description: 'The customer and their feedback of every channel, newest first (up to 500)',
  })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CustomerProfileDto> {
    const customer = await this.customers.get(id);
    const items = await this.feedback.forCustomer(id);
    return {
      id: customer.id,
      segment: customer.segment,
      attributes: customer.attributes,
      erased: customer.erasedAt !== null,
      channels: [...new Set(items.map((f) => f.channel))].sort(),
      feedback: items.map(toFeedbackResponse),
    };
  }

  @Delete(':id')
  @RequireScope('admin')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Erased: texts, identities and personal fields are gone; a tombstone blocks replays',
  })
  async erase(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.customers.erase(id);
  }
}
