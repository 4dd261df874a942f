WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
      AND Version = CAST(@Version AS integer)
    RETURNING 1)
SELECT COUNT(*)::integer AS RowCount FROM deleted;
