using Registry.Domain;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.Publishing;

/// <summary>A body's administrators manage its own staff in the console: audited like every other write, and only within the body.</summary>
public sealed partial class PublishingCommands
{
    public Task<PublishingResult<StaffInvitation>> InviteStaffAsync(PublishingCaller caller, InviteStaffCommand command, StaffDirectory directory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return _pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.InviteStaff, null, command, IdempotencyKey: null), token =>
            StaffCall(() => directory.CreateAsync(caller.BodyCode, command.Email, command.DisplayName, command.Role, token)), cancellationToken);
    }

    public Task<PublishingResult<StaffMember>> DisableStaffAsync(PublishingCaller caller, DisableStaffCommand command, StaffDirectory directory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return _pipeline.RunAsync(new OperationRequest(caller, PublishingOperations.DisableStaff, null, command, IdempotencyKey: null), token =>
            StaffCall(() =>
            {
                if (caller.Staff?.Id == command.MemberId)
                {
                    throw new StaffException("CANNOT_DISABLE_SELF", "You cannot disable your own account; ask another administrator of your body.");
                }

                return directory.DisableAsync(command.MemberId, caller.BodyId, token);
            }), cancellationToken);
    }

    private static async Task<T> StaffCall<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StaffException e)
        {
            throw new DomainException(e.Code, e.Message);
        }
    }
}
